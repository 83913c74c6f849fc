package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway reads a VASP's answers strictly: the response element of the request sent, echoing its
 * TransactionID, else refused and recorded with the reason; VASP status 3000 and 4006 are transient (retried
 * with back-off), other statuses final (RelayIT).
 */
class RelayConformanceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private Gateway.Vasp vasp;
    private TestVasp endpoint;

    @BeforeEach
    void setUp() {
        vasp = Gateway.newVasp();
        endpoint = TestVasp.start();
        JsonObject settings = Json.createObjectBuilder().add("url", endpoint.url().toString())
                .add("mm7Release", "REL-6-MM7-1-4").add("login", "gw-" + vasp.vaspId())
                .add("password", Gateway.unique("pw")).add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true).build();
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), settings.toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    private static int number = (int) (System.nanoTime() % 90);

    private static synchronized String nextNumber() {
        number = (number + 1) % 100;
        return "4477009025" + String.format("%02d", number);
    }

    /** A message delivered to a fresh address and retrieved there: its delivery report goes to the VASP. */
    private String retrievedMessage() throws InterruptedException {
        String address = nextNumber();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitWithReports(Gateway.unique("tx"), vasp,
                "<To><Number>" + address + "</Number></To>", null));
        String messageId = mm7(xml(r.body()), "MessageID");
        assertNotNull(messageId, r.body());
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        HttpResponse<String> retrieved = Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/retrieve", null);
        assertEquals(200, retrieved.statusCode(), retrieved.body());
        return messageId;
    }

    private long reportsReceived(String messageId) {
        return endpoint.received().stream()
                .filter(r -> r.body().contains(messageId) && r.body().contains("DeliveryReportReq")).count();
    }

    @Test
    void theReportNamesTheRecipientAsTheVaspWroteIt() throws Exception {
        String address = nextNumber();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitWithReports(Gateway.unique("tx"), vasp,
                "<To><Number>+" + address + "</Number></To>", null));
        String messageId = mm7(xml(r.body()), "MessageID");
        assertNotNull(messageId, r.body());
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/retrieve", null).statusCode());
        TestVasp.Request report = endpoint.await(q -> q.body().contains(messageId)
                && q.body().contains("DeliveryReportReq"), WAIT);
        assertEquals("+" + address, Gateway.text(xml(report.body()), Gateway.NS, "Number"), report.body());
        Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
    }

    @Test
    void withoutSenderAddressTheReportsSenderIsTheVaspsRegisteredSenderAddress() throws Exception {
        JsonObject settings = Json.createObjectBuilder().add("url", endpoint.url().toString())
                .add("mm7Release", "REL-6-MM7-1-4").add("login", "gw-" + vasp.vaspId())
                .add("password", Gateway.unique("pw")).add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true)
                .add("reportSender", "7788").add("reportSenderType", "SHORT_CODE").build();
        HttpResponse<String> configured = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), settings.toString());
        assertEquals(200, configured.statusCode(), configured.body());
        assertEquals("7788", ((JsonObject) Gateway.adminJson("/api/relay/vasps/" + vasp.vaspId())).getString("reportSender"));
        String address = nextNumber();
        // prefixed, no SenderAddress, DeliveryReport True
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitIn(Gateway.NS, "6.8.0", Gateway.unique("tx"),
                vasp, "<mm7:To><mm7:Number>" + address + "</mm7:Number></mm7:To>", ""));
        String messageId = mm7(xml(r.body()), "MessageID");
        assertNotNull(messageId, r.body());
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/retrieve", null).statusCode());
        TestVasp.Request report = endpoint.await(q -> q.body().contains(messageId)
                && q.body().contains("DeliveryReportReq"), WAIT);
        assertEquals("7788", Gateway.text(xml(report.body()), Gateway.NS, "ShortCode"), report.body());
        assertTrue(!report.body().contains(">" + vasp.vaspId() + "<"), "not the VASP ID: " + report.body());
    }

    @Test
    void theServiceCodeOfADeliverRspIsStoredAndCharged() throws Exception {
        String code = "7" + (System.nanoTime() % 100_000_000L);
        JsonObject settings = Json.createObjectBuilder().add("url", endpoint.url().toString())
                .add("mm7Release", "REL-6-MM7-1-4").add("login", "gw-" + vasp.vaspId())
                .add("password", Gateway.unique("pw")).add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true)
                .add("shortCodes", Json.createArrayBuilder().add(code)).build();
        assertEquals(200, Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), settings.toString()).statusCode());
        endpoint.deliverServiceCode("mo-vote 2026");
        Instant start = Instant.now().minusSeconds(1);
        HttpResponse<String> sent = Gateway.admin("POST", "/api/mailboxes/" + nextNumber() + "/outbox",
                Json.createObjectBuilder().add("to", code).add("subject", "Vote").add("text", "YES").build().toString());
        assertEquals(202, sent.statusCode(), sent.body());
        String linkedId = Json.createReader(new java.io.StringReader(sent.body())).readObject().getString("linkedId");
        JsonObject call = Gateway.awaitOutboundCall(linkedId, c -> c.getString("state").equals("SENT"), WAIT);
        assertEquals("mo-vote 2026", call.getString("vaspServiceCode"), call.toString());
        JsonObject response = null;
        for (int i = 0; i < 50 && response == null; i++) {
            Thread.sleep(200);
            response = Billing.events(vasp.vaspId(), start).stream()
                    .filter(e -> e.getString("recordType").equals("MM7_DELIVER_RESPONSE")).findFirst().orElse(null);
        }
        assertNotNull(response, "the DeliverRsp is charged");
        assertEquals("mo-vote 2026", response.getString("serviceCode"), response.toString());
    }

    @Test
    void theWrongResponseElementIsRefusedWithTheReasonAndNotRetried() throws Exception {
        endpoint.answerWith("SubmitRsp");
        String messageId = retrievedMessage();
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("REFUSED"), WAIT);
        String reason = call.getString("vaspStatusText");
        assertTrue(reason.contains("SubmitRsp") && reason.contains("DeliveryReportRsp"), call.toString());
        Thread.sleep(1500);
        assertEquals(1, reportsReceived(messageId), "not retried");
    }

    @Test
    void aForeignTransactionIdIsRefusedWithTheReason() throws Exception {
        endpoint.echoTransactionId("someone-elses-tx");
        String messageId = retrievedMessage();
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("REFUSED"), WAIT);
        assertTrue(call.getString("vaspStatusText").contains("someone-elses-tx"), call.toString());
        Thread.sleep(1500);
        assertEquals(1, reportsReceived(messageId), "not retried");
    }

    @Test
    void status3000InAResponseIsRetriedUntilTheVaspAccepts() throws Exception {
        endpoint.answer(3000, "Busy", false);
        String messageId = retrievedMessage();
        Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("QUEUED") && c.getInt("attempts") >= 2, WAIT);
        endpoint.answer(1000, "Success", false);
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertTrue(call.getInt("attempts") >= 3, call.toString());
    }

    @Test
    void status4006InAVaspErrorRspIsRetriedUntilTheVaspAccepts() throws Exception {
        endpoint.answer(4006, "Service unavailable", true);
        String messageId = retrievedMessage();
        Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("QUEUED") && c.getInt("attempts") >= 2, WAIT);
        endpoint.answer(1000, "Success", false);
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertTrue(call.getInt("attempts") >= 3, call.toString());
    }
}
