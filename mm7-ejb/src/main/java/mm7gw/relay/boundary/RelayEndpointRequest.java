package mm7gw.relay.boundary;

import java.util.List;

/**
 * An admin's relay settings for a VASP. {@code password} is write-only; leaving it out keeps the stored one when
 * the login stays the same. {@code login} null removes the outbound credentials. {@code shortCodes} are the
 * short codes subscribers send to for this VASP (MM7_deliver); each belongs to one VASP.
 * {@code trustedCertificatesPem}: the certificates (PEM) an https endpoint's chain must end in, instead of the JVM's
 * default trust store.
 */
public record RelayEndpointRequest(String url, String mm7Release, String login, String password,
        Integer timeoutMillis, Boolean emptyResponseIsAck, List<String> shortCodes,
        String trustedCertificatesPem) {
}
