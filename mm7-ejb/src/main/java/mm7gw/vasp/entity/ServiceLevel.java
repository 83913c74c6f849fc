package mm7gw.vasp.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.Priority;

/**
 * What a VASP (or one of its services, when {@code vasId} is set) may do through the gateway. A limit that is
 * null, or a list that is empty, means "no restriction" - except the allowed operations and authentication
 * mechanisms, which are always explicit. A service's own level replaces its VASP's level as a whole.
 * Lists are kept as comma-separated text: they are short and always read together.
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_service_level", uniqueConstraints = @UniqueConstraint(columnNames = {"vasp", "vas_id"}))
public class ServiceLevel {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_service_level_seq")
    @SequenceGenerator(name = "mm7_service_level_seq", sequenceName = "mm7_service_level_seq", allocationSize = 10)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vasp")
    private Vasp vasp;

    /** Null: the VASP-wide level; else the level of that one service. */
    @Column(name = "vas_id", length = 64)
    private String vasId;

    @Column(name = "allowed_operations", length = 100, nullable = false)
    private String allowedOperations;

    @Column(name = "auth_mechanisms", length = 100, nullable = false)
    private String authMechanisms;

    /** Bytes of MIME content per message. */
    @Column(name = "max_message_size")
    private Long maxMessageSize;

    @Column(name = "max_recipients")
    private Integer maxRecipients;

    @Column(name = "allowed_senders", length = 2000)
    private String allowedSenders;

    @Column(name = "allowed_priorities", length = 100)
    private String allowedPriorities;

    @Column(name = "allowed_charged_parties", length = 100)
    private String allowedChargedParties;

    @Column(name = "max_expiry_seconds")
    private Long maxExpirySeconds;

    @Column(name = "delivery_report_allowed", nullable = false)
    private boolean deliveryReportAllowed;

    @Column(name = "read_reply_allowed", nullable = false)
    private boolean readReplyAllowed;

    @Column(name = "tls_required", nullable = false)
    private boolean tlsRequired;

    @Column(name = "allowed_client_networks", length = 2000)
    private String allowedClientNetworks;

    @Column(name = "max_submissions_per_second")
    private Integer maxSubmissionsPerSecond;

    @Column(name = "max_recipients_per_second")
    private Integer maxRecipientsPerSecond;

    /**
     * Whether a VASP with services may leave out the VASID (the request then runs under the VASP-wide level); null
     * (rows from before the column) is false.
     */
    @Column(name = "vas_id_optional")
    private Boolean vasIdOptional;

    /** Whether HTTP DIGEST may use MD5 (SHA-256 only otherwise); null (rows from before the column) is false. */
    @Column(name = "digest_md5_allowed")
    private Boolean digestMd5Allowed;

    /**
     * The level's terms and its client networks parsed, with the column values they were built from: the VASP read for
     * admission is shared by the requests of its account ({@code VaspRegistry.forAdmission}) and several checks of
     * every request ask for the terms, so they are built once per read of the level instead of on every check, and
     * built again whenever a column differs (however it was changed).
     */
    @Transient
    private volatile Kept kept;

    private static final class Kept {
        final List<Object> columns;
        final Terms terms;
        /** parsed when first asked for, so that reading the terms never depends on the networks parsing */
        volatile List<IpRange> clientNetworks;

        Kept(List<Object> columns, Terms terms) {
            this.columns = columns;
            this.terms = terms;
        }
    }

    protected ServiceLevel() {
    }

    ServiceLevel(Vasp vasp, String vasId) {
        this.vasp = vasp;
        this.vasId = vasId;
        apply(Terms.DEFAULT);
    }

    /**
     * The terms a service level grants, as plain values. Validated by {@link #validate()}; {@link #DEFAULT} is what a
     * newly registered VASP gets (TLS required: no password over plain HTTP), {@link #UNRESTRICTED} is for trusted
     * (e.g. demo) accounts.
     */
    public record Terms(Set<Operation> allowedOperations, Set<AuthMechanism> authMechanisms, Long maxMessageSize,
            Integer maxRecipients, List<String> allowedSenders, Set<Priority> allowedPriorities,
            Set<ChargedParty> allowedChargedParties, Duration maxExpiry, boolean deliveryReportAllowed,
            boolean readReplyAllowed, boolean tlsRequired, List<String> allowedClientNetworks,
            Integer maxSubmissionsPerSecond, Integer maxRecipientsPerSecond, boolean vasIdOptional,
            boolean digestMd5Allowed) {

        public static final Terms DEFAULT = new Terms(EnumSet.allOf(Operation.class), EnumSet.of(AuthMechanism.BASIC),
                1_048_576L, 100, List.of(), Set.of(), Set.of(), Duration.ofDays(7), true, true, true, List.of(),
                100, 10_000, false, false);

        public static final Terms UNRESTRICTED = new Terms(EnumSet.allOf(Operation.class),
                EnumSet.allOf(AuthMechanism.class), null, null, List.of(), Set.of(), Set.of(), null, true, true, false,
                List.of(), null, null, false, true);

        public Terms {
            allowedOperations = allowedOperations == null ? Set.of() : Set.copyOf(allowedOperations);
            authMechanisms = authMechanisms == null ? Set.of() : Set.copyOf(authMechanisms);
            allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
            allowedPriorities = allowedPriorities == null ? Set.of() : Set.copyOf(allowedPriorities);
            allowedChargedParties = allowedChargedParties == null ? Set.of() : Set.copyOf(allowedChargedParties);
            allowedClientNetworks = allowedClientNetworks == null ? List.of() : List.copyOf(allowedClientNetworks);
        }

        /** @throws IllegalArgumentException naming the first field that is not acceptable */
        public Terms validate() {
            if (authMechanisms.isEmpty()) {
                throw new IllegalArgumentException("authMechanisms must allow at least one mechanism");
            }
            positive("maxMessageSize", maxMessageSize);
            positive("maxRecipients", maxRecipients == null ? null : maxRecipients.longValue());
            positive("maxSubmissionsPerSecond", maxSubmissionsPerSecond == null ? null : maxSubmissionsPerSecond.longValue());
            positive("maxRecipientsPerSecond", maxRecipientsPerSecond == null ? null : maxRecipientsPerSecond.longValue());
            if (maxExpiry != null && (maxExpiry.isNegative() || maxExpiry.isZero())) {
                throw new IllegalArgumentException("maxExpiry must be a positive duration");
            }
            for (String s : allowedSenders) {
                if (s == null || s.isBlank() || s.contains(",") || s.length() > 100) {
                    throw new IllegalArgumentException("allowedSenders: '" + s
                            + "' is not a sender address or short code (1 to 100 characters, no comma)");
                }
            }
            allowedClientNetworks.forEach(IpRange::parse);
            return this;
        }

        private static void positive(String field, Long value) {
            if (value != null && value <= 0) {
                throw new IllegalArgumentException(field + " must be a positive number or null (no limit)");
            }
        }
    }

    /** Replaces every term of this level. */
    public void apply(Terms t) {
        t.validate();
        allowedOperations = join(t.allowedOperations().stream().sorted().map(Enum::name).toList());
        authMechanisms = join(t.authMechanisms().stream().sorted().map(Enum::name).toList());
        maxMessageSize = t.maxMessageSize();
        maxRecipients = t.maxRecipients();
        allowedSenders = emptyToNull(join(t.allowedSenders().stream().map(String::trim).toList()));
        allowedPriorities = emptyToNull(join(t.allowedPriorities().stream().sorted().map(Enum::name).toList()));
        allowedChargedParties = emptyToNull(join(t.allowedChargedParties().stream().sorted().map(Enum::name).toList()));
        maxExpirySeconds = t.maxExpiry() == null ? null : t.maxExpiry().toSeconds();
        deliveryReportAllowed = t.deliveryReportAllowed();
        readReplyAllowed = t.readReplyAllowed();
        tlsRequired = t.tlsRequired();
        allowedClientNetworks = emptyToNull(join(t.allowedClientNetworks().stream().map(String::trim).toList()));
        maxSubmissionsPerSecond = t.maxSubmissionsPerSecond();
        maxRecipientsPerSecond = t.maxRecipientsPerSecond();
        vasIdOptional = t.vasIdOptional();
        digestMd5Allowed = t.digestMd5Allowed();
    }

    public Terms terms() {
        return kept().terms;
    }

    private Kept kept() {
        List<Object> columns = Arrays.asList(allowedOperations, authMechanisms, maxMessageSize, maxRecipients,
                allowedSenders, allowedPriorities, allowedChargedParties, maxExpirySeconds, deliveryReportAllowed,
                readReplyAllowed, tlsRequired, allowedClientNetworks, maxSubmissionsPerSecond, maxRecipientsPerSecond,
                vasIdOptional, digestMd5Allowed);
        Kept k = kept;
        if (k == null || !k.columns.equals(columns)) {
            k = new Kept(columns, parsedTerms());
            kept = k;
        }
        return k;
    }

    private Terms parsedTerms() {
        return new Terms(enums(allowedOperations, Operation.class), enums(authMechanisms, AuthMechanism.class),
                maxMessageSize, maxRecipients, split(allowedSenders), enums(allowedPriorities, Priority.class),
                enums(allowedChargedParties, ChargedParty.class),
                maxExpirySeconds == null ? null : Duration.ofSeconds(maxExpirySeconds), deliveryReportAllowed,
                readReplyAllowed, tlsRequired, split(allowedClientNetworks), maxSubmissionsPerSecond,
                maxRecipientsPerSecond, Boolean.TRUE.equals(vasIdOptional),
                Boolean.TRUE.equals(digestMd5Allowed));
    }

    /** Whether a client at this address may use the level: always when the level names no client networks. */
    public boolean allowsClient(String clientAddress) {
        List<IpRange> ranges = clientNetworks();
        return ranges.isEmpty() || ranges.stream().anyMatch(range -> range.contains(clientAddress));
    }

    /** The allowed client networks, parsed (see {@link #kept}). */
    List<IpRange> clientNetworks() {
        Kept k = kept();
        List<IpRange> ranges = k.clientNetworks;
        if (ranges == null) {
            ranges = k.terms.allowedClientNetworks().stream().map(IpRange::parse).toList();
            k.clientNetworks = ranges;
        }
        return ranges;
    }

    public String vasId() {
        return vasId;
    }

    public boolean isVaspWide() {
        return vasId == null;
    }

    /** "VASP x" or "VAS y of VASP x": which level a refusal came from. */
    public String scope() {
        return vasId == null ? "VASP " + vasp.vaspId() : "VAS " + vasId + " of VASP " + vasp.vaspId();
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String s, Class<E> type) {
        return split(s).stream().map(v -> Enum.valueOf(type, v))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
