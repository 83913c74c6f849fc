package mm7gw.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Failed logins of one account from one source address, and until when that pair is blocked. Written by the
 * security realms (mm7-elytron's {@code LoginThrottle}, plain JDBC, before the application sees the request);
 * mapped here so the schema has one owner and an administrator's unlock can clear it.
 */
@Entity
@IdClass(LoginFailure.Key.class)
@Table(name = "mm7_login_failure")
public class LoginFailure {
    /** {@code vasp} or {@code admin} */
    @Id
    @Column(name = "account_kind", length = 16)
    private String accountKind;

    @Id
    @Column(name = "login", length = 255)
    private String login;

    /** the client address as the server saw it */
    @Id
    @Column(name = "source", length = 64)
    private String source;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "blocked_until_ms", nullable = false)
    private long blockedUntilMs;

    @Column(name = "last_failure_ms", nullable = false)
    private long lastFailureMs;

    protected LoginFailure() {
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountKind;
        private String login;
        private String source;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountKind, k.accountKind) && Objects.equals(login, k.login)
                    && Objects.equals(source, k.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountKind, login, source);
        }
    }
}
