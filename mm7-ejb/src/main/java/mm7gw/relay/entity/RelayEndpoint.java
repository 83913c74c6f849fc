package mm7gw.relay.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import mm7gw.vasp.entity.Vasp;

/**
 * Where and how the gateway calls a VASP (RS -> VASP: delivery reports, read replies): the VASP's callback URL,
 * the MM7 schema release it speaks, the outbound HTTP Basic or Digest credentials (password sealed with the server's relay
 * key, see {@link mm7gw.relay.control.SecretBox}), whether the gateway presents its own TLS client certificate
 * ({@link mm7gw.relay.control.ClientKeyStore}), the call timeout and whether an empty HTTP 200 counts as an
 * acknowledgement.
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_relay_endpoint")
@NamedQuery(name = RelayEndpoint.WITH_SHORT_CODES, query = "select e from RelayEndpoint e where e.shortCodes is not null")
@NamedQuery(name = RelayEndpoint.BY_VASP, query = "select e from RelayEndpoint e where e.vasp.vaspId = :vaspId")
public class RelayEndpoint {
    public static final String BY_VASP = "RelayEndpoint.byVasp";
    public static final String WITH_SHORT_CODES = "RelayEndpoint.withShortCodes";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_relay_endpoint_seq")
    @SequenceGenerator(name = "mm7_relay_endpoint_seq", sequenceName = "mm7_relay_endpoint_seq", allocationSize = 10)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "vasp", unique = true, nullable = false)
    private Vasp vasp;

    @Column(length = 2000, nullable = false)
    private String url;

    /** the MM7 schema release name, e.g. REL-6-MM7-1-4 */
    @Column(name = "mm7_release", length = 32, nullable = false)
    private String release;

    @Column(length = 256)
    private String login;

    /** AES-GCM sealed password (base64 of IV and ciphertext), null without credentials */
    @Column(name = "password_sealed", length = 1024)
    private String sealedPassword;

    /** how the outbound credentials are presented: BASIC (also for rows from before this column) or DIGEST */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "outbound_auth", length = 8)
    private OutboundAuth outboundAuth;

    /** whether outbound credentials may go to a plain http URL (null, as before V10 for https rows, is false) */
    @Column(name = "plain_http_credentials_allowed")
    private Boolean plainHttpCredentialsAllowed;

    /** whether the gateway presents its TLS client certificate to this (https) endpoint (null, as before V11: false) */
    @Column(name = "client_certificate")
    private Boolean clientCertificate;

    @Column(name = "timeout_ms", nullable = false)
    private int timeoutMillis;

    @Column(name = "empty_ok_is_ack", nullable = false)
    private boolean emptyResponseIsAck;

    /** the short codes subscribers send to reach this VASP (MM7_deliver), comma-separated */
    @Column(name = "short_codes", length = 1000)
    private String shortCodes;

    /** PEM certificates trusted for an https URL instead of the JVM's default trust store; null: the default */
    @Column(name = "trusted_pem", length = 16000)
    private String trustedCertificatesPem;

    /** the Sender of reports about messages submitted without SenderAddress (normalised); null: the VASP ID as a short code */
    @Column(name = "report_sender", length = 256)
    private String reportSender;

    /** the address type of {@link #reportSender}: NUMBER, SHORT_CODE or EMAIL */
    @Column(name = "report_sender_type", length = 12)
    private String reportSenderType;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RelayEndpoint() {
    }

    public RelayEndpoint(Vasp vasp) {
        this.vasp = vasp;
    }

    public void configure(String url, String release, int timeoutMillis, boolean emptyResponseIsAck) {
        this.url = url;
        this.release = release;
        this.timeoutMillis = timeoutMillis;
        this.emptyResponseIsAck = emptyResponseIsAck;
        this.updatedAt = Instant.now();
    }

    /** Sets or (login null) removes the outbound credentials. */
    public void credentials(String login, String sealedPassword) {
        this.login = login;
        this.sealedPassword = login == null ? null : sealedPassword;
        this.updatedAt = Instant.now();
    }

    /** Sets or (null) removes the VASP's registered sender address that reports name when the submit named none. */
    public void reportSender(mm7gw.kernel.Address sender) {
        this.reportSender = sender == null ? null : sender.value();
        this.reportSenderType = sender == null ? null : sender.type().name();
        this.updatedAt = Instant.now();
    }

    public String reportSender() {
        return reportSender;
    }

    public String reportSenderType() {
        return reportSenderType;
    }

    public void serve(List<String> codes) {
        this.shortCodes = codes == null || codes.isEmpty() ? null : String.join(",", codes);
        this.updatedAt = Instant.now();
    }

    public List<String> shortCodes() {
        return shortCodes == null ? List.of() : List.of(shortCodes.split(","));
    }

    public boolean serves(String shortCode) {
        return shortCodes().contains(shortCode);
    }

    public void trust(String pem) {
        this.trustedCertificatesPem = pem;
        this.updatedAt = Instant.now();
    }

    public String trustedCertificatesPem() {
        return trustedCertificatesPem;
    }

    public Vasp vasp() {
        return vasp;
    }

    public String url() {
        return url;
    }

    public String release() {
        return release;
    }

    public String login() {
        return login;
    }

    /** Sets how the outbound credentials are presented (null: BASIC). */
    public void outboundAuth(OutboundAuth auth) {
        this.outboundAuth = auth;
        this.updatedAt = Instant.now();
    }

    public OutboundAuth outboundAuth() {
        return outboundAuth == null ? OutboundAuth.BASIC : outboundAuth;
    }

    /** Allows or forbids outbound credentials over a plain http URL for this VASP. */
    public void plainHttpCredentials(boolean allowed) {
        this.plainHttpCredentialsAllowed = allowed;
        this.updatedAt = Instant.now();
    }

    public boolean plainHttpCredentialsAllowed() {
        return plainHttpCredentialsAllowed != null && plainHttpCredentialsAllowed;
    }

    /**
     * Sets whether the gateway presents its own TLS client certificate to this endpoint (TS 23.140 §7.1.11.1: the VASP
     * authenticates the Relay/Server), independently of the Basic or Digest credentials, which may go with it.
     */
    public void clientCertificate(boolean present) {
        this.clientCertificate = present;
        this.updatedAt = Instant.now();
    }

    public boolean clientCertificate() {
        return clientCertificate != null && clientCertificate;
    }

    public String sealedPassword() {
        return sealedPassword;
    }

    public int timeoutMillis() {
        return timeoutMillis;
    }

    public boolean emptyResponseIsAck() {
        return emptyResponseIsAck;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
