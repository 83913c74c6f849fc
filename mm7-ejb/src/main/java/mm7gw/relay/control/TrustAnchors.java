package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP clients for outbound calls: one with the JVM's default trust store, and one per set of trusted
 * certificates configured for a VASP's https endpoint and per choice of presenting the gateway's TLS client
 * certificate or not ({@link ClientKeyStore}; kept while that set is in use). A client that presents the certificate
 * never shares a connection with one that does not. Host names are verified as usual; HTTP/1.1, no redirects.
 * Probes get a client of their own ({@link #newClientFor}).
 */
@ApplicationScoped
public class TrustAnchors {
    private static final HttpClient DEFAULT = builder().build();
    private final Map<Key, HttpClient> clients = new ConcurrentHashMap<>();

    /** the trusted certificates (null: the JVM's default trust store) and the client's key managers (null: none) */
    private record Key(String pem, KeyManager[] keys) {
    }

    /**
     * @param pem  the certificates an https endpoint's chain must end in; null: the JVM's default trust store
     * @param keys the key managers presenting the gateway's client certificate ({@link ClientKeyStore}); null: none
     */
    public HttpClient clientFor(String pem, KeyManager[] keys) {
        if (pem == null && keys == null) {
            return DEFAULT;
        }
        if (clients.size() > 1000) {
            clients.clear();
        }
        return clients.computeIfAbsent(new Key(pem, keys), k -> builder().sslContext(sslContext(k)).build());
    }

    /**
     * A client of its own, set up like the shared ones (same trust and client certificate, host name check,
     * HTTP/1.1, no redirects) but with no pooled connection, so that its first request opens a new connection and
     * makes a full TLS handshake. For probes; the caller drops it afterwards.
     */
    public HttpClient newClientFor(String pem, KeyManager[] keys, Duration connectTimeout) {
        HttpClient.Builder b = builder().connectTimeout(connectTimeout);
        if (pem != null || keys != null) {
            b.sslContext(sslContext(new Key(pem, keys)));
        }
        return b.build();
    }

    /** The certificates in a PEM text; IllegalArgumentException if there are none or one is broken. */
    public static List<X509Certificate> parse(String pem) {
        try {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM text");
            }
            return certs;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM X.509 certificates (" + e.getMessage() + ")");
        }
    }

    public static List<String> subjects(String pem) {
        return pem == null ? List.of() : parse(pem).stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }

    private static SSLContext sslContext(Key key) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (key.pem() == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (Certificate c : parse(key.pem())) {
                    store.setCertificateEntry("anchor-" + i++, c);
                }
                tmf.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(key.keys(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a TLS context for the trusted certificates", e);
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
    }
}
