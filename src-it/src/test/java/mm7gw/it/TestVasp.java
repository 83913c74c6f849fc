package mm7gw.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VASP's MM7 endpoint for the gateway to call (RS -> VASP), on 127.0.0.1 and a free port. It records every
 * request (Authorization header and body) with the HTTP status it answered, answers each XxxReq with an XxxRsp
 * in the request's namespace, status 1000 by default, and can be told to fail a number of times (HTTP 500 or a
 * dropped connection), to answer with an MM7 error status or a VASPErrorRsp fault, or to be slow. Plain HTTP or
 * HTTPS (with a given key pair), which may require a TLS client certificate ending in a given certificate (the
 * handshake fails without one). Like a servlet container, it can require HTTP Basic credentials (401 otherwise,
 * before anything else) and answers any method but POST with 405.
 */
final class TestVasp implements AutoCloseable {
    private static final Pattern REQUEST = Pattern.compile("<(?:\\w+:)?(\\w+)Req\\b[^>]*xmlns(?::\\w+)?=\"([^\"]+)\"");

    /** @param clientCertificate the subject of the TLS client certificate the caller presented; null: none */
    record Request(String authorization, String contentType, String body, int answeredWith, Instant at,
            String method, String clientCertificate) {
        boolean isAcknowledged() {
            return answeredWith == 200;
        }
    }

    enum Failure { HTTP_500, DROP_CONNECTION }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Failure failure = Failure.HTTP_500;
    private volatile int statusCode = 1000;
    private volatile String statusText = "Success";
    private volatile boolean fault;
    private volatile long delayMillis;
    private volatile String requiredAuthorization;
    /** Digest (RFC 7616) required instead of Basic: login, password, algorithm (SHA-256 or MD5); null: none */
    private volatile String[] requiredDigest;
    /** nonces issued and not yet used (each answers one request) */
    private final java.util.Set<String> openNonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String DIGEST_REALM = "test-vasp";
    /** the response element to answer with instead of the request's own (null: the request's XxxRsp) */
    private volatile String answerElement;
    /** the ServiceCode a DeliverRsp carries (null: none) */
    private volatile String deliverServiceCode;
    /** the TransactionID to echo instead of the request's (null: the request's) */
    private volatile String echoedTransactionId;
    /** the size of a huge answer to stream instead of a response (0: none) */
    private volatile long hugeAnswerBytes;
    private static final Pattern TRANSACTION_ID = Pattern.compile("TransactionID\\b[^>]*>\\s*([^<]*?)\\s*<");

    private TestVasp(SSLContext tls, boolean needClientAuth) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                    ssl.setNeedClientAuth(needClientAuth);
                    parameters.setSSLParameters(ssl);
                }
            });
            server = https;
        }
        server.createContext("/mm7", this::handle);
        server.start();
    }

    static TestVasp start() {
        try {
            return new TestVasp(null, false);
        } catch (IOException e) {
            throw new AssertionError("cannot start the test VASP", e);
        }
    }

    /** An https endpoint with the key pair of a PKCS#12 key store. */
    static TestVasp startHttps(Path keyStore, String password) {
        return startHttps(keyStore, password, null);
    }

    /**
     * An https endpoint with the key pair of a PKCS#12 key store that needs a TLS client certificate ending in the
     * certificate of this PEM file (SSLParameters needClientAuth): without one the handshake fails.
     */
    static TestVasp startHttpsRequiringClientCertificate(Path keyStore, String password, Path trustedClient) {
        return startHttps(keyStore, password, trustedClient);
    }

    private static TestVasp startHttps(Path keyStore, String password, Path trustedClient) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, password.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            TrustManagerFactory tmf = null;
            if (trustedClient != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("client", Tls.certificate(trustedClient));
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return new TestVasp(tls, trustedClient != null);
        } catch (Exception e) {
            throw new AssertionError("cannot start the https test VASP", e);
        }
    }

    URI url() {
        return URI.create((server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort() + "/mm7");
    }

    void failNext(int times, Failure how) {
        failure = how;
        failuresLeft.set(times);
    }

    /** Drops every connection without an answer until {@link #recover()}. */
    void failAlways() {
        failNext(Integer.MAX_VALUE, Failure.DROP_CONNECTION);
    }

    void recover() {
        failuresLeft.set(0);
    }

    /** Answer with this MM7 status in a normal response (fault false) or a VASPErrorRsp fault (fault true). */
    void answer(int code, String text, boolean asFault) {
        statusCode = code;
        statusText = text;
        fault = asFault;
    }

    /** Answer with this response element (e.g. SubmitRsp) instead of the one the request calls for; null: the right one. */
    void answerWith(String element) {
        answerElement = element;
    }

    /** Answer a DeliverReq with this ServiceCode in the DeliverRsp; null: none. */
    void deliverServiceCode(String serviceCode) {
        deliverServiceCode = serviceCode;
    }

    /** Echo this TransactionID instead of the request's; null: the request's. */
    void echoTransactionId(String transactionId) {
        echoedTransactionId = transactionId;
    }

    /** From now on, requests without these HTTP Basic credentials get 401. */
    void requireCredentials(String login, String password) {
        requiredAuthorization = Gateway.basic(login, password);
    }

    /**
     * From now on, requests need HTTP Digest credentials (RFC 7616, qop=auth) of this algorithm: a request without
     * a valid answer to one of the nonces issued gets 401 with a fresh challenge.
     */
    void requireDigest(String login, String password, String algorithm) {
        requiredDigest = new String[] {login, password, algorithm};
    }

    /**
     * From now on, answer every POST with HTTP 200 and a body of this many bytes (an XML element that never
     * closes), streamed in 64 KB chunks; the stream ends early when the caller drops the connection.
     */
    void answerHuge(long bytes) {
        hugeAnswerBytes = bytes;
    }

    void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    List<Request> received() {
        return List.copyOf(requests);
    }

    List<Request> acknowledged() {
        return requests.stream().filter(Request::isAcknowledged).toList();
    }

    Request await(Predicate<Request> condition, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            for (Request r : requests) {
                if (condition.test(r)) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the test VASP did not receive the expected request within " + timeout
                + "; it received " + requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String method = exchange.getRequestMethod();
        String peer = clientCertificate(exchange);
        java.util.function.IntFunction<Request> seen = answered -> new Request(auth, type, body, answered,
                Instant.now(), method, peer);
        String[] digest = requiredDigest;
        if (digest != null && !digestValid(auth, method, exchange.getRequestURI().toString(), digest)) {
            requests.add(seen.apply(401));
            String nonce = java.util.UUID.randomUUID().toString();
            openNonces.add(nonce);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Digest realm=\"" + DIGEST_REALM
                    + "\", qop=\"auth\", algorithm=" + digest[2] + ", nonce=\"" + nonce + "\", opaque=\"vasp-opaque\"");
            respond(exchange, 401, "text/plain", "digest credentials required");
            return;
        }
        String required = requiredAuthorization;
        if (required != null && !required.equals(auth)) {
            requests.add(seen.apply(401));
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test-vasp\"");
            respond(exchange, 401, "text/plain", "credentials required");
            return;
        }
        if (!"POST".equals(method)) {
            requests.add(seen.apply(405));
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, 405, "text/plain", "POST only");
            return;
        }
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            if (failure == Failure.DROP_CONNECTION) {
                requests.add(seen.apply(-1));
                exchange.close();
                return;
            }
            requests.add(seen.apply(500));
            respond(exchange, 500, "text/plain", "temporarily broken");
            return;
        }
        long huge = hugeAnswerBytes;
        if (huge > 0) {
            requests.add(seen.apply(200));
            streamHuge(exchange, huge);
            return;
        }
        Matcher m = REQUEST.matcher(body);
        if (!m.find()) {
            requests.add(seen.apply(400));
            respond(exchange, 400, "text/plain", "not an MM7 request");
            return;
        }
        String ns = m.group(2);
        String status = "<Status><StatusCode>" + statusCode + "</StatusCode><StatusText>" + statusText
                + "</StatusText></Status>";
        String inner = fault
                ? "<env:Fault><faultcode>env:Client</faultcode><faultstring>" + statusText + "</faultstring><detail>"
                        + "<VASPErrorRsp xmlns=\"" + ns + "\"><MM7Version>6.8.0</MM7Version>" + status
                        + "</VASPErrorRsp></detail></env:Fault>"
                : "<" + response(m.group(1)) + " xmlns=\"" + ns + "\"><MM7Version>6.8.0</MM7Version>" + status
                        + ("Deliver".equals(m.group(1)) && deliverServiceCode != null
                                ? "<ServiceCode>" + deliverServiceCode + "</ServiceCode>" : "")
                        + "</" + response(m.group(1)) + ">";
        Matcher tx = TRANSACTION_ID.matcher(body);
        String echoed = echoedTransactionId != null ? echoedTransactionId : tx.find() ? tx.group(1) : null;
        String header = echoed == null ? "" : "<env:Header><mm7:TransactionID xmlns:mm7=\"" + ns
                + "\" env:mustUnderstand=\"1\">" + echoed + "</mm7:TransactionID></env:Header>";
        int http = fault ? 500 : 200;
        requests.add(seen.apply(http));
        respond(exchange, http, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">" + header + "<env:Body>" + inner
                + "</env:Body></env:Envelope>");
    }

    private static String clientCertificate(HttpExchange exchange) {
        if (!(exchange instanceof HttpsExchange https)) {
            return null;
        }
        try {
            java.security.cert.Certificate[] chain = https.getSSLSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof java.security.cert.X509Certificate c
                    ? c.getSubjectX500Principal().getName() : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The server side of RFC 7616 for qop=auth: every field as required, a nonce issued here and used once. */
    private boolean digestValid(String header, String method, String requestUri, String[] required) {
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        java.util.Map<String, String> p = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String algorithm = required[2];
        if (!required[0].equals(p.get("username")) || !DIGEST_REALM.equals(p.get("realm"))
                || !algorithm.equals(p.get("algorithm")) || !"auth".equals(p.get("qop"))
                || !requestUri.equals(p.get("uri")) || !"vasp-opaque".equals(p.get("opaque"))
                || p.get("cnonce") == null || p.get("cnonce").isEmpty() || p.get("nc") == null
                || !p.get("nc").matches("[0-9a-f]{8}") || !openNonces.remove(p.get("nonce"))) {
            return false;
        }
        String ha1 = hex(algorithm, required[0] + ":" + DIGEST_REALM + ":" + required[1]);
        String ha2 = hex(algorithm, method + ":" + requestUri);
        return hex(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                .equals(p.get("response"));
    }

    private static String hex(String algorithm, String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void streamHuge(HttpExchange exchange, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        byte[] open = "<?xml version=\"1.0\"?><huge>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, chunk, 0, open.length);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
                }
            }
        } catch (IOException e) {
            // the caller stopped reading and dropped the connection
        } finally {
            exchange.close();
        }
    }

    private String response(String operation) {
        String element = answerElement;
        return element == null ? operation + "Rsp" : element;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
