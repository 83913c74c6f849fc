package mm7gw.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator's administrator of the gateway (role admin); read by the admin security realm. */
@Entity
@Table(name = "mm7_admin_account")
public class AdminAccount {
    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", length = 128, nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AdminAccount() {
    }

    public AdminAccount(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * A stamp of the administrator's current credentials that changes with every password change: the SHA-256 of the
     * stored hash (whose salt is new each time), so that what is compared with it never holds the hash itself.
     */
    public String credentialStamp() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the password by its bcrypt hash: the realms then accept only the new one (on every node at once). */
    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }
}
