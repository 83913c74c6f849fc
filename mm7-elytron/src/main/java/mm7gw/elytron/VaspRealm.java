package mm7gw.elytron;

import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;
import org.wildfly.security.evidence.X509PeerCertificateChainEvidence;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.DigestPassword;
import org.wildfly.security.password.spec.DigestPasswordAlgorithmSpec;
import org.wildfly.security.password.spec.DigestPasswordSpec;

/**
 * The Elytron realm of VASP accounts (custom-realm in server-config/security.cli), over the gateway's table:
 * <ul>
 * <li>HTTP BASIC: the password is checked against the bcrypt hash;</li>
 * <li>HTTP DIGEST (MD5 and SHA-256, RFC 7616): the mechanism gets H(A1) = H(login:realm:password), which the
 * gateway stores per algorithm when the password is set; the password itself is never stored;</li>
 * <li>TLS client certificates (CLIENT_CERT): the certificate's SHA-256 fingerprint names the account; the TLS
 * handshake (trust store) has already proven the client holds its private key;</li>
 * <li>a level that requires TLS refuses a request over plain HTTP, and one whose allowed networks do not hold the
 * request's source address refuses it, before any password is checked;</li>
 * <li>a login blocked from the request's source address (too many failed logins from there, see
 * {@link LoginThrottle} and {@link FailedLoginListener}) verifies no password and hands out no digest until the
 * block ends; the same login from other addresses is not affected.</li>
 * </ul>
 * Configuration (custom-realm configuration map): data-source (JNDI name) and the {@link LoginThrottle} settings.
 */
public class VaspRealm implements SecurityRealm {
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();
    static final String KIND = "vasp";
    private VaspAccounts accounts = new VaspAccounts(Map.of());
    private LoginThrottle throttle = new LoginThrottle(Map.of());
    private VerifiedPasswords verified = new VerifiedPasswords(300_000, 10_000);

    /** Called by the Elytron subsystem with the custom-realm's configuration map. */
    public void initialize(Map<String, String> configuration) {
        accounts = new VaspAccounts(configuration);
        throttle = new LoginThrottle(configuration);
        verified = new VerifiedPasswords(
                Long.parseLong(configuration.getOrDefault("verified-password-ttl-seconds", "300")) * 1000L, 10_000);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
            AlgorithmParameterSpec parameterSpec) {
        return credentialType == PasswordCredential.class && isDigest(algorithmName)
                ? SupportLevel.POSSIBLY_SUPPORTED : SupportLevel.UNSUPPORTED;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
        return evidenceType == PasswordGuessEvidence.class || evidenceType == X509PeerCertificateChainEvidence.class
                ? SupportLevel.POSSIBLY_SUPPORTED : SupportLevel.UNSUPPORTED;
    }

    @Override
    public RealmIdentity getRealmIdentity(Principal principal) throws RealmUnavailableException {
        if (!(principal instanceof NamePrincipal)) {
            return RealmIdentity.NON_EXISTENT;
        }
        try {
            return accounts.byLogin(principal.getName()).<RealmIdentity>map(Identity::new)
                    .orElse(RealmIdentity.NON_EXISTENT);
        } catch (SQLException e) {
            throw new RealmUnavailableException(e);
        }
    }

    /** A client certificate names its account by fingerprint; other evidence carries a name. */
    @Override
    public RealmIdentity getRealmIdentity(Evidence evidence) throws RealmUnavailableException {
        if (evidence instanceof X509PeerCertificateChainEvidence chain) {
            try {
                Optional<VaspAccounts.Account> account = accounts.byCertificateFingerprint(fingerprint(chain.getFirstCertificate()));
                return account.<RealmIdentity>map(Identity::new).orElse(RealmIdentity.NON_EXISTENT);
            } catch (SQLException e) {
                throw new RealmUnavailableException(e);
            }
        }
        Principal p = evidence.getDecodedPrincipal() != null ? evidence.getDecodedPrincipal() : evidence.getPrincipal();
        return p == null ? RealmIdentity.NON_EXISTENT : getRealmIdentity(p);
    }

    static String fingerprint(X509Certificate certificate) {
        return VaspAccounts.fingerprint(certificate);
    }

    private static boolean isDigest(String algorithm) {
        return DigestPassword.ALGORITHM_DIGEST_MD5.equals(algorithm)
                || DigestPassword.ALGORITHM_DIGEST_SHA_256.equals(algorithm);
    }

    private final class Identity implements RealmIdentity {
        private final VaspAccounts.Account account;

        Identity(VaspAccounts.Account account) {
            this.account = account;
        }

        /**
         * Whether no password may be checked: the VASP's level requires TLS and the request came over plain HTTP, or
         * its source address is outside the networks the level allows (both checked before any password travels
         * further), the account's own lock (locked_until_ms, which earlier versions of the Payara realm set), or a
         * block of the login from that source address.
         */
        private boolean locked() {
            long now = System.currentTimeMillis();
            String source = CurrentRequest.sourceAddress();
            if (account.tlsRequired() && !CurrentRequest.secure() || account.lockedAt(now)
                    || !ClientNetworks.allow(account.allowedClientNetworks(), source)) {
                return true;
            }
            try {
                return throttle.blocked(KIND, account.login(), source, now);
            } catch (SQLException e) {
                return true;
            }
        }

        @Override
        public Principal getRealmIdentityPrincipal() {
            return new NamePrincipal(account.login());
        }

        @Override
        public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
                AlgorithmParameterSpec parameterSpec) {
            return credentialType == PasswordCredential.class && digestHex(algorithmName) != null && !locked()
                    ? SupportLevel.SUPPORTED : SupportLevel.UNSUPPORTED;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType) {
            return null;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType, String algorithmName,
                AlgorithmParameterSpec parameterSpec) {
            if (credentialType != PasswordCredential.class || locked()) {
                return null;
            }
            String hex = digestHex(algorithmName);
            if (hex == null) {
                return null;
            }
            String realm = parameterSpec instanceof DigestPasswordAlgorithmSpec spec ? spec.getRealm() : null;
            if (realm == null || parameterSpec instanceof DigestPasswordAlgorithmSpec spec
                    && !account.login().equals(spec.getUsername())) {
                return null;
            }
            try {
                PasswordFactory factory = PasswordFactory.getInstance(algorithmName, PROVIDER);
                DigestPassword password = (DigestPassword) factory.generatePassword(
                        new DigestPasswordSpec(account.login(), realm, HexFormat.of().parseHex(hex)));
                return credentialType.cast(new PasswordCredential(password));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType, String algorithmName) {
            return null;
        }

        private String digestHex(String algorithm) {
            if (DigestPassword.ALGORITHM_DIGEST_MD5.equals(algorithm)) {
                return account.digestMd5();
            }
            if (DigestPassword.ALGORITHM_DIGEST_SHA_256.equals(algorithm)) {
                return account.digestSha256();
            }
            return null;
        }

        @Override
        public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
            if (evidenceType == X509PeerCertificateChainEvidence.class) {
                return SupportLevel.SUPPORTED;
            }
            return evidenceType == PasswordGuessEvidence.class && account.bcryptHash() != null
                    ? SupportLevel.SUPPORTED : SupportLevel.UNSUPPORTED;
        }

        @Override
        public boolean verifyEvidence(Evidence evidence) throws RealmUnavailableException {
            if (evidence instanceof X509PeerCertificateChainEvidence chain) {
                // found by this very certificate's fingerprint; check again in case the identity came by name
                try {
                    Optional<VaspAccounts.Account> owner = accounts.byCertificateFingerprint(fingerprint(chain.getFirstCertificate()));
                    return owner.isPresent() && owner.get().login().equals(account.login());
                } catch (SQLException e) {
                    throw new RealmUnavailableException(e);
                }
            }
            if (evidence instanceof PasswordGuessEvidence guess && account.bcryptHash() != null && !locked()) {
                return verified.verify(account.login(), account.bcryptHash(), guess.getGuess(),
                        System.currentTimeMillis());
            }
            return false;
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
