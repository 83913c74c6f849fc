package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import mm7gw.relay.control.ProbeResult.Credentials;
import mm7gw.relay.entity.RelayEndpoint;

/**
 * Tests a VASP's relay endpoint without sending it any MM7 request: one {@code HEAD} request to the callback URL
 * with the outbound credentials, over a new connection (so the TLS handshake really happens, against the same
 * trusted certificates and with the same client certificate as the outbound calls), bounded by the endpoint's
 * timeout. Any HTTP answer shows the endpoint is reachable; 401/403 shows the credentials are refused. A method the
 * VASP does not offer (405) is still a good answer: MM7 endpoints usually accept only POST, and authentication comes
 * first. A URL whose host is (or resolves to) a loopback, link-local or private address is not probed unless the
 * operator allows it ({@link InternalAddresses}). An endpoint set to present the gateway's client certificate when
 * the server has none is not probed either.
 */
@ApplicationScoped
public class EndpointProbe {
    static final String METHOD = "HEAD";

    @Inject
    TrustAnchors trust;

    @Inject
    SecretBox secrets;

    @Inject
    ClientKeyStore clientKeys;

    public ProbeResult probe(RelayEndpoint endpoint) {
        Outcome outcome = new Outcome(endpoint);
        URI uri = URI.create(endpoint.url());
        if (!InternalAddresses.allowed()) {
            Optional<InetAddress> internal = InternalAddresses.firstInternal(uri.getHost());
            if (internal.isPresent()) {
                return outcome.notProbed("Not probed: " + uri.getHost() + " is " + internal.get().getHostAddress()
                        + ", a loopback, link-local or private address, which the probe does not reach unless the"
                        + " operator allows it (" + InternalAddresses.ALLOWED + "=true)");
            }
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        Duration timeout = Duration.ofMillis(endpoint.timeoutMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(METHOD, HttpRequest.BodyPublishers.noBody());
        Optional<String> authorization;
        try {
            authorization = VaspLink.authorization(endpoint, secrets);
        } catch (RuntimeException e) {
            return outcome.notProbed("Not probed: the stored outbound password cannot be opened ("
                    + e.getMessage() + "); set it again");
        }
        KeyManager[] keys;
        try {
            keys = clientKeys.keyManagersFor(endpoint);
        } catch (IllegalStateException e) {
            return outcome.notProbed("Not probed: " + e.getMessage());
        }
        boolean withCredentials = endpoint.login() != null;
        HttpClient client = trust.newClientFor(endpoint.trustedCertificatesPem(), keys, timeout);
        long start = System.nanoTime();
        try {
            // the answer's body is not needed, only bounded (an endless body would keep the probe reading)
            HttpResponse<BoundedAnswer> response = VaspLink.send(client, request, METHOD, endpoint, secrets,
                    BoundedAnswer.handler(BoundedAnswer.configuredMax()));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int status = response.statusCode();
            Credentials credentials = status == 401 || status == 403
                    ? (withCredentials ? Credentials.REFUSED : Credentials.REQUIRED)
                    : (withCredentials ? Credentials.ACCEPTED : Credentials.NOT_CONFIGURED);
            boolean ok = credentials != Credentials.REFUSED && credentials != Credentials.REQUIRED && status != 404
                    && status < 500;
            return outcome.answered(https ? true : null, response.sslSession().map(EndpointProbe::describe)
                    .orElse(null), status, credentials, millis, ok, answered(status, credentials, millis, https));
        } catch (IOException e) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return failed(outcome, https, e, millis, withCredentials);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return outcome.notProbed("Probe interrupted");
        }
    }

    private static String answered(int status, Credentials credentials, long millis, boolean https) {
        String head = "Reachable" + (https ? ", TLS handshake OK" : "") + ", HTTP " + status + " in " + millis + " ms";
        return head + switch (credentials) {
            case REFUSED -> ": the VASP refused the outbound credentials";
            case REQUIRED -> ": the VASP requires credentials and none are configured";
            case ACCEPTED -> serverProblem(status).orElse(", outbound credentials accepted");
            case NOT_CONFIGURED -> serverProblem(status).orElse(" (no outbound credentials configured)");
            case UNKNOWN -> "";
        };
    }

    /** What a status that got past authentication says is wrong on the VASP's side, if anything. */
    private static Optional<String> serverProblem(int status) {
        return status == 404 ? Optional.of(": no such path on the VASP's server (check the URL)")
                : status >= 500 ? Optional.of(": the VASP's server failed") : Optional.empty();
    }

    private static ProbeResult failed(Outcome outcome, boolean https, IOException e, long millis,
            boolean withCredentials) {
        RelayEndpoint endpoint = outcome.endpoint();
        Credentials unknown = withCredentials ? Credentials.UNKNOWN : Credentials.NOT_CONFIGURED;
        Throwable tls = cause(e, SSLException.class);
        if (tls != null) {
            String why = tls instanceof SSLHandshakeException ? rootMessage(tls) : tls.toString();
            String trustSet = (endpoint.trustedCertificatesPem() == null ? " (JVM default trust store"
                    : " (with the trusted certificates configured") + (endpoint.clientCertificate()
                            ? ", presenting the gateway's client certificate)" : ", no client certificate presented)");
            return outcome.noAnswer(https ? false : null, why, unknown, millis,
                    "Reachable, but the TLS handshake failed" + trustSet + ": " + why);
        }
        if (cause(e, UnknownHostException.class) != null || cause(e, UnresolvedAddressException.class) != null) {
            return outcome.unreachable(unknown, millis, "unknown host " + URI.create(endpoint.url()).getHost());
        }
        if (e instanceof HttpConnectTimeoutException) {
            return outcome.unreachable(unknown, millis, "no connection within " + endpoint.timeoutMillis() + " ms");
        }
        if (cause(e, ConnectException.class) != null) {
            return outcome.unreachable(unknown, millis, "connection refused");
        }
        if (e instanceof HttpTimeoutException) {
            return outcome.noAnswer(null, null, unknown, millis, "Connected, but no answer within "
                    + endpoint.timeoutMillis() + " ms");
        }
        return outcome.noAnswer(null, null, unknown, millis, "Connected, but no valid HTTP answer: " + e
                + VaspLink.clientCertificateHint(endpoint, e));
    }

    /** The four ways a probe of one endpoint ends, each filling in what it cannot know. */
    private record Outcome(RelayEndpoint endpoint) {
        ProbeResult notProbed(String why) {
            return new ProbeResult(endpoint.vasp().vaspId().value(), endpoint.url(), METHOD, Instant.now(), false, null,
                    null, null, Credentials.UNKNOWN, 0, false, why);
        }

        ProbeResult unreachable(Credentials credentials, long millis, String why) {
            return new ProbeResult(endpoint.vasp().vaspId().value(), endpoint.url(), METHOD, Instant.now(), false, null,
                    null, null, credentials, millis, false, "Not reachable: " + why);
        }

        /** connected, but no HTTP status came back */
        ProbeResult noAnswer(Boolean tls, String tlsDetail, Credentials credentials, long millis, String summary) {
            return new ProbeResult(endpoint.vasp().vaspId().value(), endpoint.url(), METHOD, Instant.now(), true, tls,
                    tlsDetail, null, credentials, millis, false, summary);
        }

        ProbeResult answered(Boolean tls, String tlsDetail, int status, Credentials credentials, long millis,
                boolean ok, String summary) {
            return new ProbeResult(endpoint.vasp().vaspId().value(), endpoint.url(), METHOD, Instant.now(), true, tls,
                    tlsDetail, status, credentials, millis, ok, summary);
        }
    }

    private static String describe(SSLSession session) {
        StringBuilder s = new StringBuilder(session.getProtocol()).append(' ').append(session.getCipherSuite());
        try {
            if (session.getPeerCertificates().length > 0
                    && session.getPeerCertificates()[0] instanceof X509Certificate c) {
                s.append(", certificate ").append(c.getSubjectX500Principal().getName()).append(" (issuer ")
                        .append(c.getIssuerX500Principal().getName()).append(", valid until ")
                        .append(c.getNotAfter().toInstant()).append(')');
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            s.append(", peer not verified");
        }
        return s.toString();
    }

    private static Throwable cause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
