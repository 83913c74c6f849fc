package mm7gw.vasp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Audit record of an MM7 request the gateway refused for a security or service-level reason: who asked
 * (authenticated login, claimed VASP/VAS IDs), what for, from where, and the status and text it was answered with.
 * Written in its own transaction so it survives the refused request's rollback.
 */
@Entity
@Table(name = "mm7_access_refusal", indexes = @Index(name = "mm7_access_refusal_vasp", columnList = "vasp_id, at"))
@NamedQuery(name = AccessRefusal.OF_VASP,
        query = "select r from AccessRefusal r where r.vaspId = :vaspId order by r.at desc, r.id desc")
public class AccessRefusal {
    public static final String OF_VASP = "AccessRefusal.ofVasp";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_access_refusal_seq")
    @SequenceGenerator(name = "mm7_access_refusal_seq", sequenceName = "mm7_access_refusal_seq", allocationSize = 20)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 64)
    private String login;

    /** The VASP the request acted for (the account's own), else the VASPID the request claimed. */
    @Column(name = "vasp_id", length = 64)
    private String vaspId;

    @Column(name = "vas_id", length = 64)
    private String vasId;

    @Column(length = 16)
    private String operation;

    @Column(name = "transaction_id", length = 200)
    private String transactionId;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(nullable = false)
    private boolean tls;

    @Column(name = "auth_mechanism", length = 32)
    private String authMechanism;

    @Column(name = "status_code", nullable = false)
    private int statusCode;

    @Column(length = 1000)
    private String details;

    protected AccessRefusal() {
    }

    public AccessRefusal(String login, String vaspId, String vasId, Operation operation, String transactionId,
            String clientAddress, boolean tls, String authMechanism, int statusCode, String details) {
        this.at = Instant.now();
        this.login = cut(login, 64);
        this.vaspId = cut(vaspId, 64);
        this.vasId = cut(vasId, 64);
        this.operation = operation == null ? null : operation.name();
        this.transactionId = cut(transactionId, 200);
        this.clientAddress = cut(clientAddress, 64);
        this.tls = tls;
        this.authMechanism = cut(authMechanism, 32);
        this.statusCode = statusCode;
        this.details = cut(details, 1000);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long id() { return id; }
    public Instant at() { return at; }
    public String login() { return login; }
    public String vaspId() { return vaspId; }
    public String vasId() { return vasId; }
    public String operation() { return operation; }
    public String transactionId() { return transactionId; }
    public String clientAddress() { return clientAddress; }
    public boolean tls() { return tls; }
    public String authMechanism() { return authMechanism; }
    public int statusCode() { return statusCode; }
    public String details() { return details; }
}
