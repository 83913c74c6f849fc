package mm7gw.vasp.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import mm7gw.kernel.VaspId;

/**
 * A Value Added Service Provider: the account that authenticates (login and password hash, read by the
 * server's security realm), the VASP ID it identifies itself with in MM7 requests, and its services (VAS IDs).
 * Not kept in the shared (second-level) cache: the server's VASP realm writes failed-login counts behind JPA's
 * back, and a suspension or service-level change made on one cluster node must hold on every node at once.
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_vasp")
@NamedQuery(name = Vasp.BY_LOGIN, query = "select v from Vasp v where v.login = :login")
@NamedQuery(name = Vasp.BY_VASP_ID, query = "select v from Vasp v where v.vaspId = :vaspId")
@NamedQuery(name = Vasp.BY_CLIENT_CERT, query = "select v from Vasp v where v.clientCertSha256 = :sha256")
@NamedQuery(name = Vasp.ALL, query = "select v from Vasp v order by v.vaspId")
public class Vasp {
    public static final String BY_LOGIN = "Vasp.byLogin";
    public static final String BY_VASP_ID = "Vasp.byVaspId";
    public static final String ALL = "Vasp.all";
    public static final String BY_CLIENT_CERT = "Vasp.byClientCert";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_vasp_seq")
    @SequenceGenerator(name = "mm7_vasp_seq", sequenceName = "mm7_vasp_seq", allocationSize = 10)
    private Long id;

    @Column(name = "vasp_id", length = 64, nullable = false, unique = true)
    private String vaspId;

    @Column(length = 200, nullable = false)
    private String name;

    /** The user name the VASP authenticates with; the security realm looks it up. */
    @Column(length = 64, nullable = false, unique = true)
    private String login;

    /** Modular-crypt (bcrypt) hash; never the password itself. */
    @Column(name = "password_hash", length = 128)
    private String passwordHash;

    /** RFC 7616 H(A1) = MD5(login:realm:password), hex, for HTTP DIGEST; read by the VASP realm. */
    @Column(name = "digest_md5_ha1", length = 32)
    private String digestMd5;

    /** H(A1) with SHA-256, hex, for HTTP DIGEST with algorithm SHA-256. */
    @Column(name = "digest_sha256_ha1", length = 64)
    private String digestSha256;

    /** SHA-256 fingerprint (hex) of the TLS client certificate that authenticates this VASP, if any. */
    @Column(name = "client_cert_sha256", length = 64, unique = true)
    private String clientCertSha256;

    @Column(name = "client_cert_subject", length = 500)
    private String clientCertSubject;

    @Column(name = "client_cert_not_after")
    private Instant clientCertNotAfter;

    /** Failed logins since the last successful one; maintained by the server's VASP realm (mm7-elytron). */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    /** Epoch milliseconds until which logins are refused (0: not locked); maintained by the VASP realm. */
    @Column(name = "locked_until_ms", nullable = false)
    private long lockedUntilMillis;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private VaspStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "vasp", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<VasService> services = new ArrayList<>();

    /** The VASP-wide service level (always present) and any per-service levels. */
    @OneToMany(mappedBy = "vasp", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ServiceLevel> serviceLevels = new ArrayList<>();

    protected Vasp() {
    }

    public Vasp(VaspId vaspId, String name, String login) {
        this.vaspId = vaspId.value();
        this.name = name;
        this.login = login;
        this.status = VaspStatus.ACTIVE;
        this.createdAt = Instant.now();
        this.serviceLevels.add(new ServiceLevel(this, null));
    }

    public VasService addService(String vasId, String serviceName) {
        if (service(vasId).isPresent()) {
            throw new IllegalArgumentException("VAS ID " + vasId + " already exists for VASP " + vaspId);
        }
        VasService s = new VasService(this, vasId, serviceName);
        services.add(s);
        return s;
    }

    /** Reads what admitting a request reads (services, service levels), so the VASP can be used once detached. */
    public Vasp loadedForAdmission() {
        services.size();
        serviceLevel();
        return this;
    }

    public boolean hasServices() {
        return !services.isEmpty();
    }

    public Optional<VasService> service(String vasId) {
        return services.stream().filter(s -> s.vasId().equals(vasId)).findFirst();
    }

    /** The level that governs requests for that service: its own if it has one, else the VASP-wide one. */
    public ServiceLevel serviceLevelFor(String vasId) {
        return ownServiceLevel(vasId).orElseGet(this::serviceLevel);
    }

    /**
     * The largest message size any of the VASP's levels allows (the VASP-wide one and its services' own), or empty
     * when one of them sets none: the most content a request of this VASP can carry, whichever service it names.
     */
    public OptionalLong largestMessageSize() {
        long largest = 0;
        for (ServiceLevel level : serviceLevels) {
            Long max = level.terms().maxMessageSize();
            if (max == null) {
                return OptionalLong.empty();
            }
            largest = Math.max(largest, max);
        }
        return serviceLevels.isEmpty() ? OptionalLong.empty() : OptionalLong.of(largest);
    }

    /** The VASP-wide service level; created with the default terms for a VASP that predates service levels. */
    public ServiceLevel serviceLevel() {
        return ownServiceLevel(null).orElseGet(() -> {
            ServiceLevel level = new ServiceLevel(this, null);
            serviceLevels.add(level);
            return level;
        });
    }

    /** The service's own level, if it has one (vasId null: the VASP-wide one). */
    public Optional<ServiceLevel> ownServiceLevel(String vasId) {
        return serviceLevels.stream().filter(l -> java.util.Objects.equals(l.vasId(), vasId)).findFirst();
    }

    /** Gives the service its own level, starting from the VASP-wide terms, or returns the one it has. */
    public ServiceLevel serviceLevelOfService(String vasId) {
        if (service(vasId).isEmpty()) {
            throw new IllegalArgumentException("VAS ID " + vasId + " is not a service of VASP " + vaspId);
        }
        return ownServiceLevel(vasId).orElseGet(() -> {
            ServiceLevel level = new ServiceLevel(this, vasId);
            level.apply(serviceLevel().terms());
            serviceLevels.add(level);
            return level;
        });
    }

    /** The service falls back to the VASP-wide level; false if it had no level of its own. */
    public boolean dropServiceLevel(String vasId) {
        return vasId != null && serviceLevels.removeIf(l -> vasId.equals(l.vasId()));
    }

    /** Sets the password as its bcrypt hash only; HTTP DIGEST is then unavailable until {@link #changeCredentials}. */
    public void changePasswordHash(String hash) {
        changeCredentials(hash, null, null);
    }

    /** Whether any of the VASP's levels (its own or a service's) lets it log in with HTTP DIGEST. */
    public boolean digestAllowed() {
        return serviceLevels.stream().anyMatch(l -> l.terms().authMechanisms().contains(AuthMechanism.DIGEST));
    }

    /** Whether a level that allows DIGEST also allows MD5 for it. */
    public boolean digestMd5Allowed() {
        return serviceLevels.stream().map(ServiceLevel::terms)
                .anyMatch(t -> t.authMechanisms().contains(AuthMechanism.DIGEST) && t.digestMd5Allowed());
    }

    /**
     * Drops the DIGEST H(A1) values the levels no longer allow (after a level changed): an H(A1) is as good as the
     * password for DIGEST, so it is kept only where it can be used. Allowing DIGEST again needs a new password.
     */
    public void dropDisallowedDigests() {
        if (!digestAllowed()) {
            digestSha256 = null;
        }
        if (!digestMd5Allowed()) {
            digestMd5 = null;
        }
    }

    /** Sets the password as bcrypt hash and the DIGEST H(A1) values (hex), all derived from the same password. */
    public void changeCredentials(String bcryptHash, String digestMd5Ha1, String digestSha256Ha1) {
        this.passwordHash = bcryptHash;
        this.digestMd5 = digestMd5Ha1;
        this.digestSha256 = digestSha256Ha1;
    }

    /** Registers the TLS client certificate (by SHA-256 fingerprint) that authenticates this VASP. */
    public void registerClientCertificate(String sha256Fingerprint, String subject, Instant notAfter) {
        this.clientCertSha256 = sha256Fingerprint;
        this.clientCertSubject = subject;
        this.clientCertNotAfter = notAfter;
    }

    public void removeClientCertificate() {
        registerClientCertificate(null, null, null);
    }

    /** Lifts a brute-force lock-out and clears the failure count. */
    public void unlock() {
        failedLogins = 0;
        lockedUntilMillis = 0;
    }

    public int failedLogins() {
        return failedLogins;
    }

    /** Until when logins are refused, or null if the account is not locked now. */
    public Instant lockedUntil() {
        return lockedUntilMillis > System.currentTimeMillis() ? Instant.ofEpochMilli(lockedUntilMillis) : null;
    }

    /** DIGEST with SHA-256 works (MD5 too when its H(A1) is stored as well). */
    public boolean hasDigestCredentials() {
        return digestSha256 != null;
    }

    public String clientCertSha256() {
        return clientCertSha256;
    }

    public String clientCertSubject() {
        return clientCertSubject;
    }

    public Instant clientCertNotAfter() {
        return clientCertNotAfter;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void suspend() {
        status = VaspStatus.SUSPENDED;
    }

    public void resume() {
        status = VaspStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == VaspStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public VaspId vaspId() {
        return new VaspId(vaspId);
    }

    public String name() {
        return name;
    }

    public String login() {
        return login;
    }

    public VaspStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public List<VasService> services() {
        return Collections.unmodifiableList(services);
    }
}
