package mm7gw.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change an administrator made: who, what, to which object, when. Written once, never changed. */
@Entity
@Table(name = "mm7_admin_audit", indexes = @Index(name = "mm7_admin_audit_at", columnList = "at"))
public class AdminAuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_admin_audit_seq")
    @SequenceGenerator(name = "mm7_admin_audit_seq", sequenceName = "mm7_admin_audit_seq", allocationSize = 10)
    @Column(updatable = false)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "admin_user", length = 64, nullable = false, updatable = false)
    private String adminUser;

    @Column(length = 64, nullable = false, updatable = false)
    private String action;

    @Column(length = 200, updatable = false)
    private String target;

    @Column(length = 1000, updatable = false)
    private String details;

    protected AdminAuditEntry() {
    }

    public AdminAuditEntry(String adminUser, String action, String target, String details) {
        this.at = Instant.now();
        this.adminUser = adminUser;
        this.action = action;
        this.target = target;
        this.details = details;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String adminUser() {
        return adminUser;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String details() {
        return details;
    }
}
