package mm7gw.relay.boundary;

import java.util.List;

/**
 * An admin's relay settings for a VASP. {@code password} is write-only; leaving it out keeps the stored one when
 * the login stays the same. {@code login} null removes the outbound credentials. {@code shortCodes} are the
 * short codes subscribers send to for this VASP (MM7_deliver); each belongs to one VASP.
 * {@code trustedCertificatesPem}: the certificates (PEM) an https endpoint's chain must end in, instead of the JVM's
 * default trust store. {@code reportSender} (of {@code reportSenderType} NUMBER, SHORT_CODE or EMAIL, default
 * SHORT_CODE): the VASP's registered sender address, the Sender of its reports about messages submitted without
 * SenderAddress; null: the VASP ID as a short code. {@code outboundAuth}: BASIC (default) or DIGEST, how the
 * outbound credentials are presented (Digest: the gateway answers the VASP's RFC 7616 challenge).
 * {@code plainHttpCredentialsAllowed}: outbound credentials over a plain {@code http} URL are refused unless this is
 * true (null: false). A stored password is not sent to another host: changing the URL's host needs the password again.
 * {@code clientCertificate}: the gateway presents its own TLS client certificate to this (https) endpoint, with or
 * without Basic or Digest credentials (null: false); refused when the server has no client key store.
 */
public record RelayEndpointRequest(String url, String mm7Release, String login, String password,
        Integer timeoutMillis, Boolean emptyResponseIsAck, List<String> shortCodes,
        String trustedCertificatesPem, String reportSender, String reportSenderType, String outboundAuth,
        Boolean plainHttpCredentialsAllowed, Boolean clientCertificate) {
}
