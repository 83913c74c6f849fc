package mm7gw.it;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The gateway's HTTPS side as a VASP sees it: a client that trusts the gateway's generated certificate (and
 * nothing else), optionally presenting the test VASP's client certificate; HTTP DIGEST computed by hand from the
 * server's challenge (RFC 7616).
 */
final class Tls {
    static final Path DIR = Path.of(System.getProperty("mm7.tls.dir", "target/tls"));
    /** the MM7 endpoint over HTTPS: WildFly 8443 + the port offset, Payara's HTTPS listener (the build says which) */
    static final URI MM7 = URI.create(Gateway.HTTPS_BASE + "/mm7/vasp");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    private Tls() {
    }

    static HttpClient client(boolean withClientCertificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("mm7-gateway", certificate(DIR.resolve("mm7-gateway.pem")));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = new FileInputStream(DIR.resolve("it-vasp-client.p12").toFile())) {
                    keys.load(in, "it-vasp-client".toCharArray());
                }
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, "it-vasp-client".toCharArray());
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new AssertionError("cannot set up TLS from " + DIR + ": " + e, e);
        }
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static String clientCertificatePem() {
        try {
            return Files.readString(DIR.resolve("it-vasp-client.pem"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String clientCertificateSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate(DIR.resolve("it-vasp-client.pem")).getEncoded()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static HttpResponse<String> post(HttpClient client, String authorization, String envelope) {
        HttpRequest.Builder b = HttpRequest.newBuilder(MM7).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("POST " + MM7 + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Sends the envelope with HTTP DIGEST: first without credentials to get the challenge for the algorithm
     * ("MD5" or "SHA-256"), then with the Authorization header computed from it.
     */
    static HttpResponse<String> postDigest(HttpClient client, String algorithm, String user, String password,
            String envelope) {
        HttpResponse<String> challenge = post(client, null, envelope);
        if (challenge.statusCode() != 401) {
            throw new AssertionError("expected a 401 challenge, got " + challenge.statusCode() + " " + challenge.body());
        }
        List<String> offers = challenge.headers().allValues("WWW-Authenticate");
        Map<String, String> p = offers.stream().filter(h -> h.regionMatches(true, 0, "Digest ", 0, 7))
                .map(Tls::params).filter(m -> algorithm.equalsIgnoreCase(m.getOrDefault("algorithm", "MD5")))
                .findFirst().orElseThrow(() -> new AssertionError("no Digest " + algorithm + " challenge in " + offers));
        String digest = "SHA-256".equals(algorithm) ? "SHA-256" : "MD5";
        String uri = MM7.getRawPath();
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        String nc = "00000001";
        String ha1 = hex(digest, user + ":" + p.get("realm") + ":" + password);
        String ha2 = hex(digest, "POST:" + uri);
        String response = hex(digest, ha1 + ":" + p.get("nonce") + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        StringBuilder h = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(p.get("realm")).append("\", nonce=\"").append(p.get("nonce")).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm).append(", qop=auth, nc=").append(nc)
                .append(", cnonce=\"").append(cnonce).append("\", response=\"").append(response).append('"');
        if (p.containsKey("opaque")) {
            h.append(", opaque=\"").append(p.get("opaque")).append('"');
        }
        return post(client, h.toString(), envelope);
    }

    private static Map<String, String> params(String header) {
        Map<String, String> m = new java.util.HashMap<>();
        Matcher matcher = PARAM.matcher(header.substring(7));
        while (matcher.find()) {
            m.put(matcher.group(1).toLowerCase(), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        return m;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
