package mm7gw.elytron;

import java.security.Principal;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The Elytron realm of administrators (custom-realm mm7-admin-accounts in server-config/security.cli) over
 * mm7_admin_account: the password (console form or API Basic) against the bcrypt hash of an enabled account, with
 * the same throttle per login and source address as VASP logins ({@link LoginThrottle}, account kind "admin"):
 * counted here, in the realm, because the domain's event listener cannot tell an administrator's name from a VASP's.
 * A password verified against the account's current hash is remembered for a while ({@link VerifiedPasswords}), so
 * a monitoring system scraping the metrics with Basic credentials does not pay for bcrypt on every scrape.
 * Configuration: data-source, verified-password-ttl-seconds (300) and the {@link LoginThrottle} settings.
 */
public class AdminRealm implements SecurityRealm {
    static final String KIND = "admin";
    private static final Logger LOG = Logger.getLogger("mm7gw.elytron");
    private VaspAccounts database = new VaspAccounts(Map.of());
    private LoginThrottle throttle = new LoginThrottle(Map.of());
    /** as for VASPs: monitoring and scripts send Basic credentials with every request, bcrypt is paid once per TTL */
    private VerifiedPasswords verified = new VerifiedPasswords(300_000, 1_000);

    public void initialize(Map<String, String> configuration) {
        database = new VaspAccounts(configuration);
        throttle = new LoginThrottle(configuration);
        verified = new VerifiedPasswords(
                Long.parseLong(configuration.getOrDefault("verified-password-ttl-seconds", "300")) * 1000L, 1_000);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
            AlgorithmParameterSpec parameterSpec) {
        return SupportLevel.UNSUPPORTED;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
        return evidenceType == PasswordGuessEvidence.class ? SupportLevel.POSSIBLY_SUPPORTED : SupportLevel.UNSUPPORTED;
    }

    @Override
    public RealmIdentity getRealmIdentity(Principal principal) throws RealmUnavailableException {
        if (!(principal instanceof NamePrincipal)) {
            return RealmIdentity.NON_EXISTENT;
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT password_hash FROM mm7_admin_account WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, principal.getName());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Admin(principal.getName(), r.getString(1)) : RealmIdentity.NON_EXISTENT;
            }
        } catch (SQLException e) {
            throw new RealmUnavailableException(e);
        }
    }

    private final class Admin implements RealmIdentity {
        private final String login;
        private final String bcryptHash;

        Admin(String login, String bcryptHash) {
            this.login = login;
            this.bcryptHash = bcryptHash;
        }

        @Override
        public Principal getRealmIdentityPrincipal() {
            return new NamePrincipal(login);
        }

        @Override
        public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
                AlgorithmParameterSpec parameterSpec) {
            return SupportLevel.UNSUPPORTED;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType) {
            return null;
        }

        @Override
        public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
            return evidenceType == PasswordGuessEvidence.class ? SupportLevel.SUPPORTED : SupportLevel.UNSUPPORTED;
        }

        @Override
        public boolean verifyEvidence(Evidence evidence) throws RealmUnavailableException {
            if (!(evidence instanceof PasswordGuessEvidence guess) || bcryptHash == null) {
                return false;
            }
            String source = CurrentRequest.sourceAddress();
            long now = System.currentTimeMillis();
            try {
                if (throttle.blocked(KIND, login, source, now)) {
                    return false;
                }
                boolean ok = verified.verify(login, bcryptHash, guess.getGuess(), now);
                if (ok) {
                    throttle.succeeded(KIND, login, source);
                } else {
                    throttle.failed(KIND, login, source, now);
                }
                return ok;
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "administrator login refused: the login throttle is not available", e);
                return false;
            }
        }


        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public AuthorizationIdentity getAuthorizationIdentity() {
            return AuthorizationIdentity.EMPTY;
        }
    }
}
