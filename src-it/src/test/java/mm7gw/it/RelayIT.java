package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The relay to VASPs: delivery reports and read replies sent to a VASP's own endpoint (a {@link TestVasp}) with
 * outbound Basic credentials, in the VASP's MM7 release; retries with back-off while the VASP is down, the
 * dead-letter queue and its replay; VASP error answers recorded and not retried.
 */
class RelayIT {
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

    private void configure(String release) {
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), settings(release).toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private JsonObject settings(String release) {
        return Json.createObjectBuilder().add("url", endpoint.url().toString()).add("mm7Release", release)
                .add("login", login).add("password", password).add("timeoutMillis", 5000)
                .add("plainHttpCredentialsAllowed", true).build();
    }

    private static int number = (int) (System.nanoTime() % 90);

    private static synchronized String nextNumber() {
        number = (number + 1) % 100;
        return "4477009008" + String.format("%02d", number);
    }

    private String deliveredTo(String address, String expiry) throws InterruptedException {
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitWithReports(Gateway.unique("tx"), vasp,
                "<To><Number>" + address + "</Number></To>", expiry));
        assertEquals(200, r.statusCode(), r.body());
        String messageId = mm7(xml(r.body()), "MessageID");
        assertNotNull(messageId, r.body());
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        return messageId;
    }

    private static void retrieve(String address, String messageId) {
        HttpResponse<String> r = Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/retrieve", null);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static JsonArray calls(String messageId) {
        return (JsonArray) Gateway.adminJson("/api/relay/messages/" + messageId + "/calls");
    }

    private static Predicate<TestVasp.Request> about(String messageId, String request) {
        return r -> r.body().contains(messageId) && r.body().contains(request);
    }

    private static String field(TestVasp.Request r, String ns, String localName) {
        return Gateway.text(xml(r.body()), ns, localName);
    }

    @Test
    void aRetrievalIsReportedWithItsFieldsAndTheOutboundCredentials() throws Exception {
        configure("REL-6-MM7-1-4");
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        Instant before = Instant.now().minusSeconds(2);
        retrieve(address, messageId);

        TestVasp.Request report = endpoint.await(about(messageId, "DeliveryReportReq"), WAIT);
        assertEquals(Gateway.basic(login, password), report.authorization(), "outbound Basic credentials");
        assertTrue(report.contentType().startsWith("text/xml"), report.contentType());
        Document d = xml(report.body());
        assertEquals(messageId, mm7(d, "MessageID"));
        assertEquals("Retrieved", mm7(d, "MMStatus"));
        assertEquals("6.8.0", mm7(d, "MM7Version"));
        assertEquals(address, Gateway.text(d, Gateway.NS, "Number"), "Recipient");
        assertEquals("4455", Gateway.text(d, Gateway.NS, "ShortCode"), "Sender");
        Instant date = Instant.parse(mm7(d, "Date"));
        assertFalse(date.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), "Date " + date);
        assertNotNull(Gateway.text(d, Gateway.NS, "TransactionID"));

        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertEquals("DELIVERY_REPORT", call.getString("kind"));
        assertEquals(1, call.getInt("attempts"));
        assertEquals(1000, call.getInt("vaspStatus"));
        assertTrue(Gateway.chargingEvents(messageId).stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("recordType").equals("MM7_DELIVERY_REPORT")
                        && e.getString("recipient").equals(address)), "charged");

        JsonObject shown = (JsonObject) Gateway.adminJson("/api/relay/vasps/" + vasp.vaspId());
        assertTrue(shown.getBoolean("passwordSet"));
        assertFalse(shown.containsKey("password"));
        assertFalse(shown.toString().contains(password), "the password is never shown");
    }

    @Test
    void aReadIsAnsweredWithAReadReplyAfterTheDeliveryReport() throws Exception {
        configure("REL-6-MM7-1-4");
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        retrieve(address, messageId);
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/read", null)
                .statusCode());
        TestVasp.Request reply = endpoint.await(about(messageId, "ReadReplyReq"), WAIT);
        assertEquals("Read", field(reply, Gateway.NS, "MMStatus"));
        assertEquals(address, field(reply, Gateway.NS, "Number"));
        assertNotNull(Instant.parse(field(reply, Gateway.NS, "TimeStamp")));
        List<TestVasp.Request> all = endpoint.received();
        assertTrue(all.indexOf(endpoint.await(about(messageId, "DeliveryReportReq"), WAIT)) < all.indexOf(reply),
                "the delivery report came first");
        Gateway.awaitOutboundCall(messageId, c -> c.getString("kind").equals("READ_REPLY") && c.getString("state").equals("SENT"), WAIT);
        assertTrue(Gateway.chargingEvents(messageId).stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("recordType").equals("MM7_READ_REPLY")), "charged");
    }

    /**
     * Application addressing (Release 6) given in the submit goes back to the VASP in its delivery report and read
     * reply (DeliveryReportReq and ReadReplyReq have ApplicID, ReplyApplicID, AuxApplicInfo in the Release 6 schema),
     * in schema order after MMStatus/StatusText; a VASP configured for a Release 5 namespace, whose schema has none of
     * them, gets none.
     */
    @Test
    void theMessagesApplicationAddressingGoesBackInReportsAndReadRepliesOfRelease6() throws Exception {
        configure("REL-6-MM7-1-0");
        String ns = Gateway.namespace("REL-6-MM7-1-0");
        String address = nextNumber();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitWithReports(Gateway.unique("tx"), vasp,
                "<To><Number>" + address + "</Number></To>", null, "<ApplicID>com.example.game</ApplicID>"
                        + "<ReplyApplicID>com.example.scores</ReplyApplicID><AuxApplicInfo>level=3 &amp; lives=2</AuxApplicInfo>"));
        assertEquals(200, r.statusCode(), r.body());
        String messageId = mm7(xml(r.body()), "MessageID");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        retrieve(address, messageId);
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/read", null)
                .statusCode());
        for (String request : List.of("DeliveryReportReq", "ReadReplyReq")) {
            TestVasp.Request sent = endpoint.await(about(messageId, request), WAIT);
            assertEquals("com.example.game", field(sent, ns, "ApplicID"), sent.body());
            assertEquals("com.example.scores", field(sent, ns, "ReplyApplicID"), sent.body());
            assertEquals("level=3 & lives=2", field(sent, ns, "AuxApplicInfo"), sent.body());
            assertTrue(sent.body().indexOf("<MMStatus>") < sent.body().indexOf("<ApplicID>"), sent.body());
        }
        Gateway.awaitOutboundCall(messageId, c -> c.getString("kind").equals("READ_REPLY")
                && c.getString("state").equals("SENT"), WAIT);

        configure("REL-5-MM7-1-2");
        String rel5 = Gateway.namespace("REL-5-MM7-1-2");
        String address5 = nextNumber();
        HttpResponse<String> r5 = Gateway.postSoap(vasp, Envelopes.submitIn(rel5, "5.6.0", Gateway.unique("tx"), vasp,
                "<mm7:To><mm7:Number>" + address5 + "</mm7:Number></mm7:To>",
                "<mm7:ApplicID>com.example.quiz</mm7:ApplicID>"));
        assertEquals(200, r5.statusCode(), r5.body());
        String messageId5 = Gateway.text(xml(r5.body()), rel5, "MessageID");
        Gateway.awaitCounts(messageId5, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        retrieve(address5, messageId5);
        TestVasp.Request report5 = endpoint.await(about(messageId5, "DeliveryReportReq"), WAIT);
        assertEquals("Retrieved", field(report5, rel5, "MMStatus"), report5.body());
        assertFalse(report5.body().contains("ApplicID"), report5.body());
    }

    @Test
    void aRejectionIsReported() throws Exception {
        configure("REL-6-MM7-1-4");
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/reject",
                null).statusCode());
        TestVasp.Request report = endpoint.await(about(messageId, "DeliveryReportReq"), WAIT);
        assertEquals("Rejected", field(report, Gateway.NS, "MMStatus"));
    }

    @Test
    void anExpiryIsReportedInTheVaspsOlderRelease() throws Exception {
        configure("REL-5-MM7-1-2");
        String address = nextNumber();
        String messageId = deliveredTo(address, "PT3S");
        TestVasp.Request report = endpoint.await(about(messageId, "DeliveryReportReq"), WAIT);
        String rel5 = Gateway.namespace("REL-5-MM7-1-2");
        assertEquals("Expired", field(report, rel5, "MMStatus"));
        assertEquals("5.6.0", field(report, rel5, "MM7Version"));
        assertEquals(messageId, field(report, rel5, "MessageID"));
        assertFalse(report.body().contains("REL-6-MM7-1-4"), "nothing in the canonical namespace");
    }

    @Test
    void aVaspDownForAWhileGetsTheReportExactlyOnceAfterRetries() throws Exception {
        configure("REL-6-MM7-1-4");
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        endpoint.failNext(3, TestVasp.Failure.HTTP_500);
        retrieve(address, messageId);
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertEquals(4, call.getInt("attempts"), call.toString());
        Thread.sleep(1500);
        assertEquals(1, endpoint.acknowledged().stream().filter(about(messageId, "DeliveryReportReq")).count());
        assertEquals(4, endpoint.received().stream().filter(about(messageId, "DeliveryReportReq")).count());
    }

    @Test
    void aVaspErrorStatusIsRecordedAndNotRetried() throws Exception {
        configure("REL-6-MM7-1-4");
        for (int status : new int[] {2005, 4001}) {
            endpoint.answer(status, "Not for us " + status, false);
            String address = nextNumber();
            String messageId = deliveredTo(address, null);
            retrieve(address, messageId);
            JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("VASP_ERROR"), WAIT);
            assertEquals(status, call.getInt("vaspStatus"));
            assertEquals("Not for us " + status, call.getString("vaspStatusText"));
            Thread.sleep(2000);
            assertEquals(1, endpoint.received().stream().filter(about(messageId, "DeliveryReportReq")).count(),
                    "not retried");
            assertEquals(1, calls(messageId).getJsonObject(0).getInt("attempts"));
        }
    }

    @Test
    void anAnswerLargerThanTheBoundIsAFailedCallWithItsReasonAndNotReadToTheEnd() throws Exception {
        configure("REL-6-MM7-1-4");
        long huge = 64L * 1024 * 1024; // 64 MB, streamed; the gateway keeps at most 1 MB (the default bound)
        endpoint.answerHuge(huge);
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        retrieve(address, messageId);
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("REFUSED"), WAIT);
        assertEquals(200, call.getInt("httpStatus"));
        assertTrue(call.getString("vaspStatusText").contains("answer exceeds 1048576 bytes (mm7.relay.max-answer-bytes)"),
                call.toString());
        Thread.sleep(2000);
        assertEquals(1, endpoint.received().stream().filter(about(messageId, "DeliveryReportReq")).count(),
                "not retried");
    }

    @Test
    void aVaspErrorRspFaultIsRecordedAndNotRetried() throws Exception {
        configure("REL-6-MM7-1-4");
        endpoint.answer(4001, "Relay not identified", true);
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        retrieve(address, messageId);
        JsonObject call = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("VASP_ERROR"), WAIT);
        assertEquals(4001, call.getInt("vaspStatus"));
        assertEquals(500, call.getInt("httpStatus"));
        assertEquals("Relay not identified", call.getString("vaspStatusText"));
        Thread.sleep(2000);
        assertEquals(1, endpoint.received().stream().filter(about(messageId, "DeliveryReportReq")).count());
    }

    @Test
    void aVaspThatNeverComesBackGetsItsReportFromTheDeadLetterQueueOnceReplayed() throws Exception {
        configure("REL-6-MM7-1-4");
        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        endpoint.failAlways();
        retrieve(address, messageId);
        long callId = Gateway.awaitOutboundCall(messageId, c -> true, WAIT).getJsonNumber("id").longValue();

        JsonObject dead = null;
        Instant end = Instant.now().plusSeconds(40);
        while (dead == null && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            dead = ((JsonArray) Gateway.adminJson("/api/relay/dead-letters")).stream().map(JsonObject.class::cast)
                    .filter(l -> l.containsKey("outboundCallId") && !l.isNull("outboundCallId")
                            && l.getJsonNumber("outboundCallId").longValue() == callId)
                    .findFirst().orElse(null);
        }
        assertNotNull(dead, "dead-lettered after its attempts");
        JsonObject call = calls(messageId).getJsonObject(0);
        assertEquals("QUEUED", call.getString("state"));
        assertEquals(6, call.getInt("attempts"), call.toString());
        assertEquals(6, endpoint.received().stream().filter(about(messageId, "DeliveryReportReq")).count());

        endpoint.recover();
        HttpResponse<String> replay = Gateway.admin("POST", "/api/relay/dead-letters/"
                + dead.getString("jmsMessageId") + "/replay", null);
        assertEquals(200, replay.statusCode(), replay.body());
        Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        Thread.sleep(1500);
        assertEquals(1, endpoint.acknowledged().stream().filter(about(messageId, "DeliveryReportReq")).count());
        assertEquals(404, Gateway.admin("POST", "/api/relay/dead-letters/" + dead.getString("jmsMessageId")
                + "/replay", null).statusCode(), "replayed once, gone from the dead-letter queue");
    }

    @Test
    void relaySettingsAreValidated() {
        String path = "/api/relay/vasps/" + vasp.vaspId();
        assertEquals(404, Gateway.admin("GET", path, null).statusCode(), "nothing configured yet");
        assertEquals(404, Gateway.admin("PUT", "/api/relay/vasps/no-such-vasp", settings("REL-6-MM7-1-4").toString())
                .statusCode());
        assertEquals(400, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4")).add("url", "ftp://x/")));
        assertEquals(400, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4")).add("mm7Release", "REL-9")));
        assertEquals(400, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4")).add("timeoutMillis", 10)));
        assertEquals(400, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4")).remove("password")),
                "a new login needs its password");
        HttpResponse<String> bad = Gateway.admin("PUT", path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("url", "not a url").build().toString());
        assertEquals(400, bad.statusCode());
        assertTrue(Json.createReader(new StringReader(bad.body())).readObject().getString("error").contains("url"));
        configure("REL-6-MM7-1-4");
        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-5-MM7-1-0")).remove("password")),
                "the same login keeps its password");
        JsonObject shown = (JsonObject) Gateway.adminJson(path);
        assertEquals("REL-5-MM7-1-0", shown.getString("mm7Release"));
        assertTrue(shown.getBoolean("passwordSet"));
    }

    @Test
    void aSubscriberMessageToAShortCodeIsDeliveredWithALinkedIdAndTheReplyReachesTheSubscriber() throws Exception {
        String code = "7" + (System.nanoTime() % 100_000_000L);
        HttpResponse<String> set = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder(
                settings("REL-6-MM7-1-4")).add("shortCodes", Json.createArrayBuilder().add(code)).build().toString());
        assertEquals(200, set.statusCode(), set.body());
        String subscriber = nextNumber();
        HttpResponse<String> sent = Gateway.admin("POST", "/api/mailboxes/" + subscriber + "/outbox",
                Json.createObjectBuilder().add("to", code).add("subject", "Vote").add("text", "YES please").build()
                        .toString());
        assertEquals(202, sent.statusCode(), sent.body());
        String linkedId = Json.createReader(new StringReader(sent.body())).readObject().getString("linkedId");

        TestVasp.Request deliver = endpoint.await(r -> r.body().contains(linkedId), WAIT);
        assertTrue(deliver.contentType().startsWith("multipart/related"), deliver.contentType());
        assertEquals(Gateway.basic(login, password), deliver.authorization());
        assertTrue(deliver.body().contains("<DeliverReq"), deliver.body());
        assertTrue(deliver.body().contains("<LinkedID>" + linkedId + "</LinkedID>"), deliver.body());
        assertTrue(deliver.body().contains("<Sender><Number>" + subscriber + "</Number></Sender>"), deliver.body());
        assertTrue(deliver.body().contains("<ShortCode>" + code + "</ShortCode>"), deliver.body());
        assertTrue(deliver.body().contains("<Content href=\"cid:mo-text\"/>"), deliver.body());
        assertTrue(deliver.body().contains("YES please"), deliver.body());
        Gateway.awaitOutboundCall(linkedId, c -> c.getString("kind").equals("DELIVER") && c.getString("state").equals("SENT"), WAIT);

        HttpResponse<String> reply = Gateway.postSoap(vasp, Envelopes.reply(Gateway.unique("tx"), vasp, subscriber,
                linkedId));
        assertEquals("1000", mm7(xml(reply.body()), "StatusCode"), reply.body());
        String messageId = mm7(xml(reply.body()), "MessageID");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        assertTrue(Gateway.mailbox(subscriber).stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("messageId").equals(messageId)), "the reply is in the subscriber's mailbox");
        assertEquals(linkedId, Gateway.message(messageId).getString("linkedId"));
        assertTrue(Gateway.chargingEvents(messageId).stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("recordType").equals("MM7_REPLY_SUBMIT")
                        && linkedId.equals(e.getString("linkedId", null))), "charged as a reply");

        HttpResponse<String> unknown = Gateway.postSoap(vasp, Envelopes.reply(Gateway.unique("tx"), vasp, subscriber,
                "mo-no-such-message"));
        assertEquals("2006", mm7(xml(unknown.body()), "StatusCode"), unknown.body());

        Gateway.Vasp other = Gateway.newVasp();
        HttpResponse<String> taken = Gateway.admin("PUT", "/api/relay/vasps/" + other.vaspId(), Json.createObjectBuilder(
                settings("REL-6-MM7-1-4")).add("shortCodes", Json.createArrayBuilder().add(code)).build().toString());
        assertEquals(409, taken.statusCode(), "a short code belongs to one VASP");
        HttpResponse<String> foreign = Gateway.postSoap(other, Envelopes.reply(Gateway.unique("tx"), other, subscriber,
                linkedId));
        assertEquals("2006", mm7(xml(foreign.body()), "StatusCode"), "another VASP's LinkedID: " + foreign.body());
        assertEquals(404, Gateway.admin("POST", "/api/mailboxes/" + subscriber + "/outbox",
                Json.createObjectBuilder().add("to", "0000000000000").build().toString()).statusCode());
    }

    @Test
    void anHttpsEndpointIsCalledOnlyWhenItsCertificateIsTrusted() throws Exception {
        endpoint.close();
        endpoint = TestVasp.startHttps(Tls.DIR.resolve("mm7-tls.p12"), "mm7-gateway-tls");
        String path = "/api/relay/vasps/" + vasp.vaspId();
        String wrongAnchor = Files.readString(Tls.DIR.resolve("it-vasp-client.pem"));
        String rightAnchor = Files.readString(Tls.DIR.resolve("mm7-gateway.pem"));
        assertEquals(400, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("trustedCertificatesPem", "-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----")));
        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("trustedCertificatesPem", wrongAnchor)));

        String address = nextNumber();
        String messageId = deliveredTo(address, null);
        retrieve(address, messageId);
        JsonObject failing = Gateway.awaitOutboundCall(messageId, c -> c.containsKey("lastError"), WAIT);
        assertEquals("QUEUED", failing.getString("state"), "an untrusted certificate is a failed attempt: "
                + failing);
        assertTrue(endpoint.received().isEmpty(), "nothing reached the VASP over an untrusted connection");

        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("trustedCertificatesPem", rightAnchor)));
        JsonObject sent = Gateway.awaitOutboundCall(messageId, c -> c.getString("state").equals("SENT"), WAIT);
        assertTrue(sent.getInt("attempts") >= 2, sent.toString());
        TestVasp.Request report = endpoint.await(about(messageId, "DeliveryReportReq"), WAIT);
        assertEquals(Gateway.basic(login, password), report.authorization());
        assertEquals(1, endpoint.acknowledged().size());
        JsonObject shown = (JsonObject) Gateway.adminJson(path);
        assertTrue(shown.getJsonArray("trustedCertificates").getString(0).contains("CN=127.0.0.1"), shown.toString());
    }

    @Test
    void aProbeReportsReachabilityTlsCredentialsAndLatencyWithoutSendingAnMm7Request() throws Exception {
        String path = "/api/relay/vasps/" + vasp.vaspId();
        assertEquals(409, Gateway.admin("POST", path + "/probe", null).statusCode(), "nothing saved to probe yet");
        assertEquals(404, Gateway.admin("POST", "/api/relay/vasps/no-such-vasp/probe", null).statusCode());
        endpoint.requireCredentials(login, password);
        configure("REL-6-MM7-1-4");

        JsonObject ok = probe(path);
        assertTrue(ok.getBoolean("ok"), ok.toString());
        assertTrue(ok.getBoolean("reachable"));
        assertTrue(!ok.containsKey("tls") || ok.isNull("tls"), "no TLS over http: " + ok);
        assertEquals(405, ok.getInt("httpStatus"), "the test VASP accepts only POST, after authentication");
        assertEquals("ACCEPTED", ok.getString("credentials"));
        assertTrue(ok.getJsonNumber("latencyMillis").longValue() >= 0);
        TestVasp.Request seen = endpoint.received().get(endpoint.received().size() - 1);
        assertEquals("HEAD", seen.method());
        assertEquals("", seen.body(), "no MM7 request is sent");
        assertEquals(Gateway.basic(login, password), seen.authorization());

        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4")).add("password", "wrong")));
        JsonObject refused = probe(path);
        assertFalse(refused.getBoolean("ok"), refused.toString());
        assertEquals(401, refused.getInt("httpStatus"));
        assertEquals("REFUSED", refused.getString("credentials"));
        assertTrue(refused.getString("summary").contains("refused the outbound credentials"), refused.toString());

        endpoint.close();
        endpoint = TestVasp.startHttps(Tls.DIR.resolve("mm7-tls.p12"), "mm7-gateway-tls");
        endpoint.requireCredentials(login, password);
        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("trustedCertificatesPem", Files.readString(Tls.DIR.resolve("it-vasp-client.pem")))));
        JsonObject untrusted = probe(path);
        assertFalse(untrusted.getBoolean("ok"), untrusted.toString());
        assertTrue(untrusted.getBoolean("reachable"));
        assertFalse(untrusted.getBoolean("tls"), untrusted.toString());
        assertTrue(untrusted.getString("summary").contains("TLS handshake failed"), untrusted.toString());
        assertTrue(endpoint.received().isEmpty(), "no HTTP request over an untrusted connection");

        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("trustedCertificatesPem", Files.readString(Tls.DIR.resolve("mm7-gateway.pem")))));
        JsonObject trusted = probe(path);
        assertTrue(trusted.getBoolean("ok"), trusted.toString());
        assertTrue(trusted.getBoolean("tls"));
        assertTrue(trusted.getString("tlsDetail").contains("CN=127.0.0.1"), trusted.toString());
        assertEquals(405, trusted.getInt("httpStatus"));
        assertEquals("ACCEPTED", trusted.getString("credentials"));

        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertEquals(200, put(path, Json.createObjectBuilder(settings("REL-6-MM7-1-4"))
                .add("url", "http://127.0.0.1:" + closed + "/mm7")));
        JsonObject down = probe(path);
        assertFalse(down.getBoolean("ok"), down.toString());
        assertFalse(down.getBoolean("reachable"), down.toString());
        assertTrue(down.getString("summary").startsWith("Not reachable"), down.toString());
    }

    private static JsonObject probe(String path) {
        HttpResponse<String> r = Gateway.admin("POST", path + "/probe", null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static int put(String path, JsonObjectBuilder body) {
        return Gateway.admin("PUT", path, body.build().toString()).statusCode();
    }
}
