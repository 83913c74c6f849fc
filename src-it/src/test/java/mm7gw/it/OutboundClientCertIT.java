package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway authenticates to a VASP with a TLS client certificate of its own (TS 23.140 §7.1.11.1) when the VASP's
 * relay endpoint says so: the test VASP's https endpoint needs a client certificate ending in the gateway's (the key
 * pair the build made for the test server, {@code mm7.relay.client-keystore}). Presented, the delivery report gets
 * through, with Basic credentials beside it; not presented, the handshake fails and the call stays queued and is
 * retried like any transport failure. An endpoint cannot be set to present a certificate the server does not have.
 */
class OutboundClientCertIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GATEWAY_CLIENT = "CN=mm7-gateway-relay-client";
    private static final String KEY_STORE = "mm7.relay.client-keystore";
    private Gateway.Vasp vasp;
    private TestVasp endpoint;
    private String path;

    @BeforeEach
    void setUp() {
        vasp = Gateway.newVasp();
        path = "/api/relay/vasps/" + vasp.vaspId();
        endpoint = TestVasp.startHttpsRequiringClientCertificate(Tls.DIR.resolve("mm7-tls.p12"), "mm7-gateway-tls",
                Tls.DIR.resolve("mm7-relay-client.pem"));
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    /** https to the test VASP, whose server certificate (the test server's TLS one) is trusted. */
    private JsonObjectBuilder settings(boolean clientCertificate) throws Exception {
        return Json.createObjectBuilder().add("url", endpoint.url().toString()).add("mm7Release", "REL-6-MM7-1-4")
                .add("timeoutMillis", 5000)
                .add("trustedCertificatesPem", Files.readString(Tls.DIR.resolve("mm7-gateway.pem")))
                .add("clientCertificate", clientCertificate);
    }

    private static HttpResponse<String> put(String path, JsonObjectBuilder body) {
        return Gateway.admin("PUT", path, body.build().toString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static int number = (int) (System.nanoTime() % 90);

    private static synchronized String nextNumber() {
        number = (number + 1) % 100;
        return "4477009028" + String.format("%02d", number);
    }

    /** Submits a message with delivery reports to a new subscriber and retrieves it: a DeliveryReportReq follows. */
    private String retrievedMessage() throws InterruptedException {
        return Gateway.retrievedWithReport(vasp, nextNumber(), WAIT);
    }

    private JsonObject probe() {
        HttpResponse<String> r = Gateway.admin("POST", path + "/probe", null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @Test
    void aVaspThatRequiresAClientCertificateGetsTheReportWhenTheEndpointPresentsIt() throws Exception {
        String login = "gw-" + vasp.vaspId();
        String password = "out-" + Gateway.unique("pw");
        endpoint.requireCredentials(login, password);
        HttpResponse<String> saved = put(path, settings(true).add("login", login).add("password", password));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject shown = json(saved);
        assertTrue(shown.getBoolean("clientCertificate"), shown.toString());
        assertTrue(shown.getString("gatewayCertificate").startsWith(GATEWAY_CLIENT), shown.toString());
        assertEquals("BASIC", shown.getString("outboundAuth"), "the certificate goes with the Basic credentials");

        String messageId = retrievedMessage();
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertEquals(1, call.getInt("attempts"), call.toString());
        TestVasp.Request report = endpoint.await(r -> r.body().contains(messageId)
                && r.body().contains("DeliveryReportReq") && r.isAcknowledged(), WAIT);
        assertEquals(GATEWAY_CLIENT, report.clientCertificate(), "the VASP saw the gateway's certificate");
        assertEquals(Gateway.basic(login, password), report.authorization());

        JsonObject p = probe();
        assertTrue(p.getBoolean("ok"), p.toString());
        assertTrue(p.getBoolean("tls"), p.toString());
        assertEquals(405, p.getInt("httpStatus"), "past the handshake and Basic the test VASP accepts only POST: " + p);
        assertEquals("ACCEPTED", p.getString("credentials"), p.toString());
    }

    @Test
    void withoutTheCertificateTheHandshakeFailsAndTheCallIsRetriedUntilTheEndpointPresentsIt() throws Exception {
        HttpResponse<String> saved = put(path, settings(false));
        assertEquals(200, saved.statusCode(), saved.body());
        assertFalse(json(saved).getBoolean("clientCertificate"), saved.body());

        String messageId = retrievedMessage();
        JsonObject failing = Gateway.awaitOutboundCall(messageId, c -> c.containsKey("lastError"), WAIT);
        assertEquals("QUEUED", failing.getString("state"), "a refused handshake is a failed attempt: " + failing);
        // TLS 1.3: the VASP checks the client's certificate after the client's side of the handshake, and closes
        assertTrue(failing.getString("lastError").contains("if it requires a TLS client certificate"),
                failing.toString());
        assertTrue(endpoint.received().isEmpty(), "no HTTP request without the certificate: " + endpoint.received());
        JsonObject p = probe();
        assertFalse(p.getBoolean("ok"), p.toString());
        assertTrue(p.getBoolean("reachable"), p.toString());
        assertTrue(p.getString("summary").contains("if it requires a TLS client certificate"), p.toString());

        assertEquals(200, put(path, settings(true)).statusCode());
        JsonObject sent = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertTrue(sent.getInt("attempts") >= 2, sent.toString());
        TestVasp.Request report = endpoint.await(r -> r.body().contains(messageId) && r.isAcknowledged(), WAIT);
        assertEquals(GATEWAY_CLIENT, report.clientCertificate());
        assertEquals(1, endpoint.received().size(), "one request, once the certificate was presented");
    }

    @Test
    void anEndpointCannotPresentACertificateTheServerDoesNotHave() throws Exception {
        HttpResponse<String> plain = put(path, settings(true).add("url", "http://127.0.0.1:9/mm7")
                .add("trustedCertificatesPem", ""));
        assertEquals(400, plain.statusCode(), plain.body());
        assertTrue(plain.body().contains("clientCertificate needs an https url"), plain.body());

        assertEquals(200, put(path, settings(true)).statusCode());
        String keyStore = Tls.DIR.resolve("mm7-relay-client.p12").toAbsolutePath().toString();
        TestServer.unset(KEY_STORE);
        try {
            JsonObject shown = (JsonObject) Gateway.adminJson(path);
            assertTrue(!shown.containsKey("gatewayCertificate") || shown.isNull("gatewayCertificate"),
                    shown.toString());
            assertTrue(shown.getString("gatewayCertificateProblem").contains("no key store is configured"),
                    shown.toString());

            HttpResponse<String> refused = put(path, settings(true));
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("the gateway cannot present a TLS client certificate to this VASP: the"
                    + " gateway has no TLS client certificate of its own: no key store is configured (system"
                    + " properties mm7.relay.client-keystore"), refused.body());
            assertTrue(((JsonObject) Gateway.adminJson(path)).getBoolean("clientCertificate"), "nothing changed");

            // the endpoint saved before keeps asking for it: the call is refused with the reason, not retried
            String messageId = retrievedMessage();
            JsonObject call = Gateway.awaitOutboundCall(messageId, c -> !c.getString("state").equals("QUEUED"), WAIT);
            assertEquals("REFUSED", call.getString("state"), call.toString());
            assertEquals(1, call.getInt("attempts"), call.toString());
            assertTrue(call.getString("vaspStatusText").contains("set to present the gateway's TLS client"
                    + " certificate, but the gateway has no TLS client certificate of its own"), call.toString());
            assertTrue(endpoint.received().isEmpty(), endpoint.received().toString());
            JsonObject p = probe();
            assertTrue(p.getString("summary").startsWith("Not probed: the relay endpoint is set to present"),
                    p.toString());

            assertEquals(200, put(path, settings(false)).statusCode(), "turning it off needs no key store");
        } finally {
            TestServer.set(KEY_STORE, keyStore);
        }
        assertTrue(((JsonObject) Gateway.adminJson(path)).getString("gatewayCertificate").startsWith(GATEWAY_CLIENT));
    }
}
