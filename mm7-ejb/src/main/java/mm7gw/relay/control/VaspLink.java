package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.net.ssl.KeyManager;
import mm7gw.relay.entity.OutboundAuth;
import mm7gw.relay.entity.OutboundState;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.system.LogText;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.VaspRequest;
import mm7gw.wire.VaspRequests;

/**
 * The relay's port to a VASP: "call this VASP with this request". The wire layer writes the request in the release
 * configured for the VASP ({@link VaspRequests}) and reads the answer ({@link VaspAnswer}); this class carries it
 * over HTTP(S) with the endpoint's trust anchors, timeout and outbound credentials (Basic, or Digest answering the
 * VASP's challenge) and, where the endpoint asks for it, the gateway's TLS client certificate ({@link ClientKeyStore}),
 * reading at most {@link BoundedAnswer#configuredMax()} bytes of the answer.
 */
@ApplicationScoped
public class VaspLink {
    private static final Logger LOG = Logger.getLogger(VaspLink.class.getName());
    private static final String RELAY_SERVER_ID = System.getProperty("mm7.relay.server-id", "mm7-gateway");

    @Inject
    SecretBox secrets;

    @Inject
    TrustAnchors trust;

    @Inject
    ClientKeyStore clientKeys;

    /**
     * What became of a call: the HTTP status (null when there was no answer) and the answer as the relay reads it.
     *
     * @param transportFailure no answer at all (connection, timeout, TLS): retried
     */
    public record Outcome(Integer httpStatus, VaspAnswer answer, boolean transportFailure) {
    }

    /**
     * @param text      a text attachment (an MO message's), sent with the envelope as SOAP with Attachments; null: none
     * @param textCid   the Content-ID the request's Content element names for the text
     */
    public Outcome call(RelayEndpoint endpoint, VaspRequest request, String transactionId, String text,
            String textCid) {
        KeyManager[] keys;
        try {
            keys = clientKeys.keyManagersFor(endpoint);
        } catch (IllegalStateException e) {
            // a configuration fault of the gateway: retrying would not mend it
            LOG.warning(() -> "outbound call to VASP " + LogText.escape(endpoint.vasp().vaspId().value()) + " refused: "
                    + e.getMessage());
            return new Outcome(null, refused(e.getMessage()), false);
        }
        Mm7Release release = Mm7Release.ofName(endpoint.release()).orElse(Mm7Release.CANONICAL);
        byte[] envelope = VaspRequests.envelope(request, release, RELAY_SERVER_ID, transactionId);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(Duration.ofMillis(endpoint.timeoutMillis()))
                .header("SOAPAction", "\"\"");
        if (text == null) {
            http.header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
        } else {
            String boundary = "mm7-" + UUID.randomUUID();
            http.header("Content-Type", "multipart/related; type=\"text/xml\"; start=\"<envelope>\"; boundary=\""
                    + boundary + "\"").POST(HttpRequest.BodyPublishers.ofString("--" + boundary
                    + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <envelope>\r\n\r\n"
                    + new String(envelope, StandardCharsets.UTF_8)
                    + "\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-ID: <"
                    + textCid + ">\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        }
        HttpResponse<BoundedAnswer> response;
        try {
            response = send(trust.clientFor(endpoint.trustedCertificatesPem(), keys), http, "POST", endpoint, secrets,
                    BoundedAnswer.handler(BoundedAnswer.configuredMax()));
        } catch (IOException e) {
            return new Outcome(null, VaspAnswer.retry(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + clientCertificateHint(endpoint, e)), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, VaspAnswer.retry("interrupted"), true);
        }
        if (response.statusCode() == 401 && endpoint.login() != null) {
            return new Outcome(401, refused(refusedCredentials(endpoint, response)), false);
        }
        if (response.body().tooLarge()) {
            return new Outcome(response.statusCode(), refused(response.body().reason()), false);
        }
        return new Outcome(response.statusCode(), VaspAnswer.read(response.statusCode(), response.body().body(),
                endpoint.emptyResponseIsAck(), request.responseElement(), transactionId), false);
    }

    private static VaspAnswer refused(String why) {
        return new VaspAnswer(OutboundState.REFUSED, false, null, why, null);
    }

    /**
     * Sends the request with the endpoint's outbound credentials: HTTP Basic at once; HTTP Digest (RFC 7616) as the
     * answer to the VASP's 401 challenge, so the request goes twice. A 401 without a Digest challenge the gateway
     * can answer is returned as it is.
     */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest.Builder request, String method,
            RelayEndpoint endpoint, SecretBox secrets, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        if (endpoint.login() == null || endpoint.outboundAuth() != OutboundAuth.DIGEST) {
            authorization(endpoint, secrets).ifPresent(a -> request.header("Authorization", a));
            return client.send(request.build(), body);
        }
        String password = secrets.open(endpoint.sealedPassword());
        HttpResponse<T> first = client.send(request.build(), body);
        if (first.statusCode() != 401) {
            return first;
        }
        Optional<DigestAuth.Challenge> challenge = DigestAuth.choose(first.headers().allValues("WWW-Authenticate"));
        if (challenge.isEmpty()) {
            return first;
        }
        URI uri = URI.create(endpoint.url());
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.setHeader("Authorization",
                DigestAuth.authorization(challenge.get(), endpoint.login(), password, method, path));
        return client.send(request.build(), body);
    }

    /**
     * A hint for a connection the VASP closed without an answer (no bytes, end of stream) although the TLS handshake
     * did not fail on the gateway's side, when the gateway presented no client certificate: that is how a VASP that
     * needs one refuses a TLS 1.3 client without it (it can only check after the client's side of the handshake
     * ended). Empty otherwise.
     */
    static String clientCertificateHint(RelayEndpoint endpoint, IOException failure) {
        if (endpoint.clientCertificate() || !endpoint.url().regionMatches(true, 0, "https:", 0, 6)) {
            return "";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.net.ConnectException) {
                return "";
            }
            if (t instanceof java.io.EOFException || (t.getMessage() != null && t.getMessage().contains("no bytes"))) {
                return " (the VASP closed the connection after the TLS handshake: if it requires a TLS client"
                        + " certificate, set the endpoint to present the gateway's, clientCertificate)";
            }
        }
        return "";
    }

    /** Why the VASP's HTTP 401 refused the call made with the endpoint's outbound credentials. */
    static String refusedCredentials(RelayEndpoint endpoint, HttpResponse<?> response) {
        java.util.List<String> challenges = response.headers().allValues("WWW-Authenticate");
        if (endpoint.outboundAuth() == OutboundAuth.DIGEST && DigestAuth.choose(challenges).isEmpty()) {
            return "HTTP 401: the VASP sent no Digest challenge the gateway can answer (SHA-256 or MD5, qop=auth)"
                    + (challenges.isEmpty() ? "" : "; WWW-Authenticate: " + String.join(" | ", challenges));
        }
        return "HTTP 401: the VASP refused the outbound " + endpoint.outboundAuth() + " credentials of login '"
                + endpoint.login() + "' (wrong login or password?)";
    }

    /**
     * The HTTP Basic Authorization header value of the endpoint's outbound credentials, if it has any and they are
     * sent as Basic (Digest ones answer a challenge, {@link #send}).
     */
    static Optional<String> authorization(RelayEndpoint endpoint, SecretBox secrets) {
        if (endpoint.login() == null) {
            return Optional.empty();
        }
        String password = secrets.open(endpoint.sealedPassword());
        if (endpoint.outboundAuth() == OutboundAuth.DIGEST) {
            return Optional.empty();
        }
        String pair = endpoint.login() + ":" + password;
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
