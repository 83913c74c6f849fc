package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway authenticates to a VASP with HTTP Digest (RFC 7616) when its relay endpoint says so: it answers the
 * test VASP's 401 challenge (SHA-256 or MD5, qop=auth), which checks the answer itself; wrong credentials end the
 * call as refused with the reason, after one attempt.
 */
class OutboundDigestIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Gateway.Vasp vasp;
    private TestVasp endpoint;
    private String login;
    private String password;

    @BeforeEach
    void setUp() {
        vasp = Gateway.newVasp();
        endpoint = TestVasp.start();
        login = "gw-" + vasp.vaspId();
        password = "out-" + Gateway.unique("pw");
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    private JsonObject configureDigest(String outboundPassword) {
        String body = Json.createObjectBuilder().add("url", endpoint.url().toString()).add("mm7Release", "REL-6-MM7-1-4")
                .add("login", login).add("password", outboundPassword).add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true)
                .add("outboundAuth", "DIGEST").build().toString();
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), body);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static int number = (int) (System.nanoTime() % 90);

    private static synchronized String nextNumber() {
        number = (number + 1) % 100;
        return "4477009018" + String.format("%02d", number);
    }

    /** Submits a message with delivery reports to a new subscriber and retrieves it: a DeliveryReportReq follows. */
    private String retrievedMessage() throws InterruptedException {
        return Gateway.retrievedWithReport(vasp, nextNumber(), WAIT);
    }

    private void reportGoesThroughDigest(String algorithm) throws Exception {
        endpoint.requireDigest(login, password, algorithm);
        assertEquals("DIGEST", configureDigest(password).getString("outboundAuth"));
        String messageId = retrievedMessage();

        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertEquals(1, call.getInt("attempts"), call.toString());
        TestVasp.Request report = endpoint.acknowledged().stream()
                .filter(r -> r.body().contains(messageId) && r.body().contains("DeliveryReportReq")).findFirst()
                .orElseThrow(() -> new AssertionError("no acknowledged report: " + endpoint.received()));
        assertTrue(report.authorization().startsWith("Digest "), report.authorization());
        assertTrue(report.authorization().contains("algorithm=" + algorithm), report.authorization());
        assertTrue(report.authorization().contains("qop=auth"), report.authorization());
        assertTrue(endpoint.received().stream().anyMatch(r -> r.answeredWith() == 401 && r.authorization() == null
                && r.body().contains(messageId)), "the first request, without credentials, met the challenge");
    }

    @Test
    void aDeliveryReportAnswersASha256Challenge() throws Exception {
        reportGoesThroughDigest("SHA-256");

        HttpResponse<String> probe = Gateway.admin("POST", "/api/relay/vasps/" + vasp.vaspId() + "/probe", null);
        assertEquals(200, probe.statusCode(), probe.body());
        JsonObject p = Json.createReader(new StringReader(probe.body())).readObject();
        assertEquals("ACCEPTED", p.getString("credentials"), p.toString());
        assertEquals(405, p.getInt("httpStatus"), "past the Digest check, the test VASP accepts only POST: " + p);
    }

    @Test
    void aDeliveryReportAnswersAnMd5Challenge() throws Exception {
        reportGoesThroughDigest("MD5");
    }

    @Test
    void aWrongOutboundPasswordIsRefusedWithItsReasonNotRetried() throws Exception {
        endpoint.requireDigest(login, password, "SHA-256");
        configureDigest("wrong-" + password);
        String messageId = retrievedMessage();

        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> !c.getString("state").equals("QUEUED"), WAIT);
        assertEquals("REFUSED", call.getString("state"), call.toString());
        assertEquals(401, call.getInt("httpStatus"), call.toString());
        assertEquals(1, call.getInt("attempts"), call.toString());
        assertTrue(call.getString("vaspStatusText").contains("refused the outbound DIGEST credentials"), call.toString());
        Thread.sleep(2000);
        assertEquals(2, endpoint.received().stream().filter(r -> r.body().contains(messageId)).count(),
                "one attempt: the challenged request and its answer, nothing after: " + endpoint.received());
    }
}
