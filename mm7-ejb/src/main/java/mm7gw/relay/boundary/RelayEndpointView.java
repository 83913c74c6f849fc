package mm7gw.relay.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.relay.control.ClientKeyStore;
import mm7gw.relay.control.TrustAnchors;
import mm7gw.relay.entity.RelayEndpoint;

/**
 * A VASP's relay settings as admins see them: the password is never shown, only whether one is set. The trusted
 * certificates (public) are given as their subjects and as the PEM text stored. {@code clientCertificate}: whether
 * the gateway presents its TLS client certificate; {@code gatewayCertificate}: the certificate it presents (subject,
 * issuer, end of validity) from the server's client key store, whatever the setting, or null with
 * {@code gatewayCertificateProblem} saying why there is none.
 */
public record RelayEndpointView(String vaspId, String url, String mm7Release, String login, boolean passwordSet,
        int timeoutMillis, boolean emptyResponseIsAck, List<String> shortCodes, List<String> trustedCertificates,
        String trustedCertificatesPem, String reportSender, String reportSenderType, String outboundAuth,
        boolean plainHttpCredentialsAllowed, boolean clientCertificate, String gatewayCertificate,
        String gatewayCertificateProblem, Instant updatedAt) {

    static RelayEndpointView of(RelayEndpoint e, ClientKeyStore clientKeys) {
        return new RelayEndpointView(e.vasp().vaspId().value(), e.url(), e.release(), e.login(), e.sealedPassword() != null,
                e.timeoutMillis(), e.emptyResponseIsAck(), e.shortCodes(),
                TrustAnchors.subjects(e.trustedCertificatesPem()), e.trustedCertificatesPem(), e.reportSender(),
                e.reportSenderType(), e.outboundAuth().name(), e.plainHttpCredentialsAllowed(), e.clientCertificate(),
                clientKeys.certificate().orElse(null), clientKeys.problem().orElse(null), e.updatedAt());
    }
}
