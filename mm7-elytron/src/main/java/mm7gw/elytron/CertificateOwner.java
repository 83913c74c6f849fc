package mm7gw.elytron;

import java.security.Principal;
import java.sql.SQLException;
import java.util.Map;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.EvidenceDecoder;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.X509PeerCertificateChainEvidence;

/**
 * Evidence decoder of the security domain (custom-evidence-decoder): names a TLS client certificate by the login
 * of the VASP that registered it (by SHA-256 fingerprint), so the authenticated principal is the VASP's login
 * whichever mechanism was used. A certificate no VASP registered gets a name no login can have ("x509:" and its
 * fingerprint), which the realm does not know, so the login fails.
 */
public class CertificateOwner implements EvidenceDecoder {
    private VaspAccounts accounts = new VaspAccounts(Map.of());

    public void initialize(Map<String, String> configuration) {
        accounts = new VaspAccounts(configuration);
    }

    @Override
    public Principal getPrincipal(Evidence evidence) {
        if (!(evidence instanceof X509PeerCertificateChainEvidence chain)) {
            return null;
        }
        String fingerprint = VaspRealm.fingerprint(chain.getFirstCertificate());
        try {
            return new NamePrincipal(accounts.byCertificateFingerprint(fingerprint)
                    .map(VaspAccounts.Account::login).orElse("x509:" + fingerprint));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the owner of a client certificate", e);
        }
    }
}
