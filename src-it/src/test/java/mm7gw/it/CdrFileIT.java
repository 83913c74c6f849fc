package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The CDR files as a billing system takes them in: one VASP's submits (accepted, refused, replying to an MO
 * message), cancel, replace, the recipients' retrieval, reading, rejection and an expiry, the delivery reports
 * and read replies sent back, an MO message delivered to the VASP. Then the open file is closed through the admin
 * API, every closed file is downloaded and decoded with BouncyCastle: every operation is exactly one record of
 * its TS 32.298 type, every field as sent, and each writer's local sequence numbers run without gap or repeat.
 */
class CdrFileIT {
    static final String SERVICE_CODE_XML = "  Wetter \u00fc \u20ac &amp; &lt;b&gt;&#9;x  ";
    static final String SERVICE_CODE = "  Wetter \u00fc \u20ac & <b>\tx  ";
    static final String CONTENT = "Hello billing \u00fc";
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    static final Duration WAIT = Duration.ofSeconds(45);
    /** the gateway's extensions by number (under its arc) */
    static final int NODE = 1;
    static final int WRITER = 2;
    static final int EVENT_ID = 3;
    static final int RECORD_TYPE = 4;
    static final int MM7_STATUS = 5;
    static final int RESULT = 6;
    static final int RECIPIENT_COUNT = 7;
    static final int RECIPIENT = 8;
    /** TS 32.298 MMSRecordType alternatives */
    static final Map<String, Integer> RECORD_TAG = Map.ofEntries(Map.entry("MM7_SUBMIT", 54),
            Map.entry("MM7_SUBMIT_REJECTED", 54), Map.entry("MM7_REPLY_SUBMIT", 54), Map.entry("RECIPIENT_DELIVERY", 39),
            Map.entry("RECIPIENT_REJECTION", 40), Map.entry("RECIPIENT_RETRIEVAL", 41), Map.entry("RECIPIENT_READ", 45),
            Map.entry("RECIPIENT_EXPIRY", 48), Map.entry("MM7_DELIVER", 55), Map.entry("MM7_DELIVER_RESPONSE", 56),
            Map.entry("MM7_CANCEL", 57), Map.entry("MM7_REPLACE", 58), Map.entry("MM7_DELIVERY_REPORT", 59),
            Map.entry("MM7_DELIVERY_REPORT_RESPONSE", 60), Map.entry("MM7_READ_REPLY", 61),
            Map.entry("MM7_READ_REPLY_RESPONSE", 62));

    private static String number() {
        return "447700907" + String.format("%03d", (int) (Math.random() * 1000));
    }

    private static String submitWithContent(Gateway.Vasp vasp, String tx, String to, String cc) {
        String envelope = """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header><mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID></env:Header>
                 <env:Body>
                  <SubmitReq xmlns="%1$s">
                   <MM7Version>6.8.0</MM7Version>
                   <SenderIdentification><VASPID>%3$s</VASPID><VASID>%4$s</VASID>
                    <SenderAddress><ShortCode>4455</ShortCode></SenderAddress></SenderIdentification>
                   <Recipients><To><Number>%5$s</Number></To><Cc><Number>%6$s</Number></Cc></Recipients>
                   <ServiceCode>%7$s</ServiceCode>
                   <MessageClass>Personal</MessageClass>
                   <ExpiryDate>P1D</ExpiryDate>
                   <DeliveryReport>true</DeliveryReport>
                   <ReadReply>true</ReadReply>
                   <Priority>High</Priority>
                   <Subject>Billing</Subject>
                   <ChargedParty>Sender</ChargedParty>
                   <Content href="cid:text@vasp"/>
                  </SubmitReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(Gateway.NS, tx, vasp.vaspId(), vasp.vasId(), to, cc, SERVICE_CODE_XML);
        byte[] body = new Mime("cdr-b1").part(envelope, "Content-Type: text/xml; charset=\"utf-8\"", "Content-ID: <soap@vasp>")
                .part(CONTENT, "Content-Type: " + CONTENT_TYPE, "Content-ID: <text@vasp>").end();
        HttpResponse<String> r = Gateway.post(vasp, "multipart/related; boundary=\"cdr-b1\"; type=\"text/xml\"; start=\"<soap@vasp>\"",
                body, "\"\"");
        return Gateway.accepted(r);
    }

    private static void delivered(String messageId, int recipients) throws InterruptedException {
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == recipients, WAIT);
    }

    private static void mailbox(String action, String address, String messageId) {
        HttpResponse<String> r = Gateway.admin("POST", "/api/mailboxes/" + address + "/messages/" + messageId + "/"
                + action, null);
        assertEquals(200, r.statusCode(), action + ": " + r.body());
    }

    @Test
    void everyChargedOperationIsOneRecordOfItsTypeWithItsFieldsAndNumbersRunWithoutGaps() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(1);
        String code = "8" + (System.nanoTime() % 100_000_000L);
        try (TestVasp endpoint = TestVasp.start()) {
            HttpResponse<String> set = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder()
                    .add("url", endpoint.url().toString()).add("mm7Release", "REL-6-MM7-1-4").add("timeoutMillis", 5000)
                    .add("shortCodes", Json.createArrayBuilder().add(code)).build().toString());
            assertEquals(200, set.statusCode(), set.body());
            String n1 = number();
            String n2 = "447700908" + n1.substring(9);
            String n3 = "447700909" + n1.substring(9);
            String subscriber = "447700906" + n1.substring(9);

            // a submit with content to To and Cc; one recipient retrieves and reads, the other rejects
            String m1 = submitWithContent(vasp, Gateway.unique("tx"), n1, n2);
            delivered(m1, 2);
            mailbox("retrieve", n1, m1);
            mailbox("read", n1, m1);
            mailbox("reject", n2, m1);
            // cancelled, replaced, expired
            String m2 = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, "<To><Number>" + n3 + "</Number></To>")));
            delivered(m2, 1);
            assertEquals("1000", mm7(xml(Gateway.postSoap(vasp, Envelopes.cancel(Gateway.unique("tx"), vasp, m2)).body()), "StatusCode"));
            String m3 = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, "<To><Number>" + n3 + "</Number></To>")));
            delivered(m3, 1);
            assertEquals("1000", mm7(xml(Gateway.postSoap(vasp, Envelopes.replace(Gateway.unique("tx"), vasp, m3,
                    "<ServiceCode>replaced-code</ServiceCode>")).body()), "StatusCode"));
            String m4 = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.submitWithReports(Gateway.unique("tx"), vasp,
                    "<To><Number>" + n3 + "</Number></To>", "PT3S")));
            // refused: a VASID that is not the VASP's (4001)
            HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp.vaspId(),
                    "not-mine", "refused-code", "<To><Number>" + n3 + "</Number></To>"));
            assertEquals("4001", mm7(xml(refused.body()), "StatusCode"), refused.body());
            // an MO message to the VASP's short code, and the VASP's reply to it
            HttpResponse<String> mo = Gateway.admin("POST", "/api/mailboxes/" + subscriber + "/outbox",
                    Json.createObjectBuilder().add("to", code).add("subject", "Vote").add("text", "YES").build().toString());
            assertEquals(202, mo.statusCode(), mo.body());
            String linkedId = Json.createReader(new StringReader(mo.body())).readObject().getString("linkedId");
            endpoint.await(r -> r.body().contains(linkedId), WAIT);
            Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(Map.entry("MM7_SUBMIT", 4),
                    Map.entry("RECIPIENT_DELIVERY", 6), Map.entry("RECIPIENT_RETRIEVAL", 1), Map.entry("RECIPIENT_READ", 1),
                    Map.entry("RECIPIENT_REJECTION", 1), Map.entry("RECIPIENT_EXPIRY", 1), Map.entry("MM7_CANCEL", 1),
                    Map.entry("MM7_REPLACE", 1), Map.entry("MM7_SUBMIT_REJECTED", 1), Map.entry("MM7_DELIVERY_REPORT", 3),
                    Map.entry("MM7_DELIVERY_REPORT_RESPONSE", 3), Map.entry("MM7_READ_REPLY", 1),
                    Map.entry("MM7_READ_REPLY_RESPONSE", 1), Map.entry("MM7_DELIVER", 1), Map.entry("MM7_DELIVER_RESPONSE", 1),
                    Map.entry("MM7_REPLY_SUBMIT", 1)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (countByType(Billing.events(vasp.vaspId(), start)).getOrDefault("MM7_DELIVER_RESPONSE", 0) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String reply = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.reply(Gateway.unique("tx"), vasp, subscriber, linkedId)));
            delivered(reply, 1);

            List<JsonObject> events = List.of();
            deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                events = Billing.events(vasp.vaspId(), start);
                if (countByType(events).equals(expected)) {
                    break;
                }
                Thread.sleep(300);
            }
            assertEquals(expected, countByType(events), "the events of the operations");

            long t0 = System.nanoTime();
            JsonObject closed = BillingFiles.closeOpenFile();
            long closeMillis = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(closed, "the open file held this test's records");
            assertEquals("MANUAL", closed.getString("closureReason"));
            t0 = System.nanoTime();
            List<BillingFiles.Cdr> records = BillingFiles.allRecords();
            System.out.printf("MM7 CDR files: closing the open file took %d ms; %d files, %d records downloaded and"
                    + " decoded in %d ms%n", closeMillis, BillingFiles.list().size(), records.size(),
                    (System.nanoTime() - t0) / 1_000_000);

            Map<Long, BillingFiles.Cdr> byEventId = new HashMap<>();
            for (BillingFiles.Cdr r : records) {
                long id = (Long) r.extensions(extensionsTag(r)).get(EVENT_ID);
                assertEquals(null, byEventId.put(id, r), "event " + id + " written twice");
            }
            for (JsonObject e : events) {
                BillingFiles.Cdr r = byEventId.get(e.getJsonNumber("eventId").longValue());
                assertNotNull(r, "no record of " + e);
                checkRecord(e, r, vasp, Map.ofEntries(Map.entry("m1", m1), Map.entry("m2", m2), Map.entry("m3", m3),
                        Map.entry("m4", m4), Map.entry("reply", reply), Map.entry("linkedId", linkedId), Map.entry("n1", n1),
                        Map.entry("n2", n2), Map.entry("n3", n3), Map.entry("subscriber", subscriber), Map.entry("code", code)));
            }
            assertNumbersWithoutGaps(records);
        }
    }

    private static Map<String, Integer> countByType(List<JsonObject> events) {
        return new TreeMap<>(events.stream().collect(Collectors.groupingBy(e -> e.getString("recordType"),
                Collectors.summingInt(e -> 1))));
    }

    /** the context tags of localSequenceNumber and recordExtensions in each record type (TS 32.298) */
    static final Map<Integer, Integer> SEQUENCE_TAG = Map.ofEntries(Map.entry(54, 27), Map.entry(39, 19),
            Map.entry(40, 9), Map.entry(41, 22), Map.entry(45, 9), Map.entry(48, 8), Map.entry(55, 11), Map.entry(56, 8),
            Map.entry(57, 10), Map.entry(58, 14), Map.entry(59, 9), Map.entry(60, 8), Map.entry(61, 9), Map.entry(62, 8));
    static final Map<Integer, Integer> EXTENSIONS_TAG = Map.ofEntries(Map.entry(54, 28), Map.entry(39, 20),
            Map.entry(40, 10), Map.entry(41, 23), Map.entry(45, 10), Map.entry(48, 9), Map.entry(55, 12), Map.entry(56, 9),
            Map.entry(57, 11), Map.entry(58, 15), Map.entry(59, 10), Map.entry(60, 9), Map.entry(61, 10), Map.entry(62, 9));

    static int extensionsTag(BillingFiles.Cdr r) {
        Integer tag = EXTENSIONS_TAG.get(r.tag());
        if (tag == null) {
            throw new AssertionError("a record of a type the gateway does not write: [" + r.tag() + "]");
        }
        return tag;
    }

    /** The fields every record has: recordType, recordTimeStamp, localSequenceNumber, the gateway's extensions. */
    private static void checkCommon(JsonObject e, BillingFiles.Cdr r, int timeStampTag, int sequenceTag) {
        String type = e.getString("recordType");
        assertEquals(RECORD_TAG.get(type), r.tag(), type + " is written as MMSRecordType alternative " + RECORD_TAG.get(type));
        assertEquals(r.tag(), r.integer(0), "recordType");
        assertEquals(Instant.parse(e.getString("occurredAt")).truncatedTo(ChronoUnit.SECONDS), r.timeStamp(timeStampTag),
                "recordTimeStamp of " + type);
        assertEquals(e.getJsonNumber("sequenceNumber").longValue(), r.integer(sequenceTag), "localSequenceNumber");
        Map<Integer, Object> x = r.extensions(extensionsTag(r));
        assertEquals(e.getString("writer"), x.get(WRITER));
        assertTrue(e.getString("writer").startsWith((String) x.get(NODE)), "node " + x.get(NODE));
        assertEquals(type, x.get(RECORD_TYPE));
        assertEquals((long) e.getInt("statusCode"), x.get(MM7_STATUS));
        assertEquals(e.getString("result"), x.get(RESULT));
    }

    private static void checkRecord(JsonObject e, BillingFiles.Cdr r, Gateway.Vasp vasp, Map<String, String> v) {
        String type = e.getString("recordType");
        String messageId = Billing.string(e, "messageId");
        switch (type) {
            case "MM7_SUBMIT", "MM7_SUBMIT_REJECTED", "MM7_REPLY_SUBMIT" -> {
                checkCommon(e, r, 26, 27);
                assertEquals("mm7-gateway", r.domainName(1), "originatorMmsRSAddress");
                assertEquals(vasp.vaspId(), r.text(3));
                String sender = messageId != null && messageId.equals(v.get("reply")) ? "shortCode:" + vasp.vaspId() : "shortCode:4455";
                assertEquals(sender, r.agentAddress(6), "originatorAddress (without SenderAddress: the VASP ID)");
                assertEquals(e.getInt("statusCode") == 1000 ? 0 : 30, r.integer(24), "requestStatusCode");
                assertTrue(r.text(25).startsWith(e.getInt("statusCode") + " "), r.text(25));
                assertFalse(r.has(19) || r.has(23), "reply charging and distribution indicator: not read yet (issue 22)");
                if (type.equals("MM7_SUBMIT_REJECTED")) {
                    assertEquals("not-mine", r.text(4));
                    assertEquals("", r.text(5), "no MessageID for a refused submit");
                    assertArrayEquals("refused-code".getBytes(StandardCharsets.UTF_8), r.octets(8));
                    assertEquals(List.of("msisdn:" + v.get("n3") + " to"), r.agentAddresses(7));
                    assertTrue(r.text(25).startsWith("4001 Improper identification"), r.text(25));
                } else if (messageId.equals(v.get("m1"))) {
                    assertEquals(vasp.vasId(), r.text(4));
                    assertEquals(v.get("m1"), r.text(5));
                    assertEquals(List.of("msisdn:" + v.get("n1") + " to", "msisdn:" + v.get("n2") + " cc"), r.agentAddresses(7));
                    assertArrayEquals(SERVICE_CODE.getBytes(StandardCharsets.UTF_8), r.octets(8), "ServiceCode byte for byte");
                    assertEquals(CONTENT_TYPE, r.text(9));
                    assertEquals(CONTENT.getBytes(StandardCharsets.UTF_8).length, r.integer(11));
                    assertEquals(0, r.enumerated(12), "messageClass personal");
                    assertEquals(0, r.chargedParty(13), "chargedparty sender");
                    Instant submitted = r.timeStamp(14);
                    assertEquals(Instant.parse(e.getString("submissionTime")).truncatedTo(ChronoUnit.SECONDS), submitted);
                    assertEquals(submitted.plus(Duration.ofDays(1)).getEpochSecond(), r.waitTime(15).getEpochSecond(), 2,
                            "timeOfExpiry P1D");
                    assertFalse(r.has(16), "no EarliestDeliveryTime");
                    assertTrue(r.bool(17) && r.bool(18), "delivery report and read reply requested");
                    assertEquals(2, r.enumerated(22), "priority high");
                    assertEquals(2L, r.extensions(28).get(RECIPIENT_COUNT));
                } else if (messageId.equals(v.get("reply"))) {
                    assertEquals("MM7_REPLY_SUBMIT", type);
                    assertEquals(v.get("linkedId"), r.text(2), "linkedID");
                    assertEquals(List.of("msisdn:" + v.get("subscriber") + " to"), r.agentAddresses(7));
                    assertEquals("", r.text(9), "no content: empty contentType");
                    assertEquals(0, r.integer(11), "no content: size 0");
                    assertEquals(99, r.chargedParty(13), "no ChargedParty: notspecifiedbyVASP");
                } else {
                    assertEquals(List.of("msisdn:" + v.get("n3") + " to"), r.agentAddresses(7));
                    assertEquals(Billing.string(e, "serviceCode"), r.text(8));
                }
            }
            case "RECIPIENT_DELIVERY" -> {
                checkCommon(e, r, 18, 19);
                assertEquals("mm7-gateway", r.domainName(1));
                assertEquals(messageId, r.text(2));
                assertEquals(messageId.equals(v.get("reply")) ? "shortCode:" + vasp.vaspId() : "shortCode:4455",
                        r.agentAddress(4), "senderAddress");
                assertEquals(r.text(2), r.text(11), "messageReference: the MessageID");
                assertEquals(vasp.vaspId(), r.text(22));
                assertEquals(vasp.vasId(), r.text(23));
                if (messageId.equals(v.get("m1"))) {
                    String to = e.getString("recipient").equals(v.get("n1")) ? " to" : " cc";
                    assertEquals("msisdn:" + e.getString("recipient") + to, r.agentAddress(5));
                    assertEquals(CONTENT.getBytes(StandardCharsets.UTF_8).length, r.integer(9));
                    assertEquals(0, r.enumerated(7));
                    assertTrue(r.bool(12));
                    assertNotNull(r.waitTime(10));
                }
            }
            case "RECIPIENT_RETRIEVAL" -> {
                checkCommon(e, r, 21, 22);
                assertEquals(v.get("m1"), r.text(2));
                assertEquals("msisdn:" + v.get("n1") + " to", r.agentAddress(5));
                assertEquals("shortCode:4455", r.agentAddress(4));
                assertEquals(CONTENT_TYPE, r.text(7));
                assertEquals(CONTENT.getBytes(StandardCharsets.UTF_8).length, r.integer(11));
                assertEquals(2, r.enumerated(13), "priority");
                assertTrue(r.bool(14), "read reply requested");
                assertEquals(0, r.enumerated(15), "mmStatusCode retrieved");
                assertEquals(v.get("m1"), r.text(24), "messageReference");
                assertEquals(vasp.vaspId(), r.text(25));
                assertNotNull(r.timeStamp(10), "submissionTime");
            }
            case "RECIPIENT_READ" -> {
                checkCommon(e, r, 8, 9);
                assertEquals("msisdn:" + v.get("n1") + " to", r.agentAddress(3));
                assertEquals("shortCode:4455", r.agentAddress(4), "originatorAddress");
                assertEquals(6, r.enumerated(6), "mmStatusCode read");
            }
            case "RECIPIENT_REJECTION" -> {
                checkCommon(e, r, 8, 9);
                assertEquals(v.get("m1"), r.text(2));
                assertEquals("msisdn:" + v.get("n2") + " cc", r.agentAddress(3));
                assertEquals(3, r.enumerated(6), "mmStatusCode rejected");
            }
            case "RECIPIENT_EXPIRY" -> {
                checkCommon(e, r, 7, 8);
                assertEquals(v.get("m4"), r.text(3));
                assertEquals(0, r.integer(4), "messageSize (no content)");
                assertEquals(2, r.enumerated(5), "mmStatusCode expired");
                assertEquals(v.get("n3"), r.extensions(9).get(RECIPIENT), "the recipient, in the gateway's extension");
            }
            case "MM7_CANCEL" -> {
                checkCommon(e, r, 9, 10);
                assertEquals(vasp.vaspId(), r.text(2));
                assertEquals(vasp.vasId(), r.text(3));
                assertEquals(v.get("m2"), r.text(4));
                assertEquals("shortCode:4455", r.agentAddress(5));
                assertEquals(0, r.integer(7));
                assertEquals(1L, r.extensions(11).get(RECIPIENT_COUNT));
            }
            case "MM7_REPLACE" -> {
                checkCommon(e, r, 13, 14);
                assertEquals(v.get("m3"), r.text(4));
                assertEquals("replaced-code", r.text(6));
                assertEquals("", r.text(7), "contentType of a message without content");
                assertEquals(0, r.integer(11));
            }
            case "MM7_DELIVERY_REPORT", "MM7_READ_REPLY" -> {
                checkCommon(e, r, 8, 9);
                assertEquals(messageId, r.text(2));
                assertEquals("shortCode:4455", r.agentAddress(3));
                assertEquals("msisdn:" + e.getString("recipient") + (e.getString("recipient").equals(v.get("n2")) ? " cc" : " to"),
                        r.agentAddress(4));
                assertEquals(Instant.parse(e.getString("mmStatusTime")).truncatedTo(ChronoUnit.SECONDS), r.timeStamp(5),
                        "mmDateAndTime");
                int expectedStatus = switch (e.getString("mmStatus")) {
                    case "Retrieved" -> 0;
                    case "Expired" -> 2;
                    case "Rejected" -> 3;
                    case "Read" -> 6;
                    default -> throw new AssertionError(e);
                };
                assertEquals(expectedStatus, r.enumerated(6), "mmStatusCode / readStatus");
            }
            case "MM7_DELIVERY_REPORT_RESPONSE", "MM7_READ_REPLY_RESPONSE" -> {
                checkCommon(e, r, 7, 8);
                assertEquals(messageId, r.text(2));
                assertEquals(0, r.integer(5), "the VASP answered 1000");
                assertEquals("1000 Success", r.text(6));
            }
            case "MM7_DELIVER" -> {
                checkCommon(e, r, 10, 11);
                assertEquals("mm7-gateway", r.domainName(1));
                assertEquals(v.get("linkedId"), r.text(2));
                assertEquals("msisdn:" + v.get("subscriber"), r.agentAddress(4));
                assertEquals("shortCode:" + v.get("code"), r.agentAddress(5));
                assertEquals(3, r.integer(7), "messageSize of the MO text");
                assertEquals("text/plain", r.text(8));
            }
            case "MM7_DELIVER_RESPONSE" -> {
                checkCommon(e, r, 7, 8);
                assertEquals(v.get("linkedId"), r.text(2));
                assertEquals("shortCode:" + v.get("code"), r.agentAddress(3));
                assertEquals(0, r.integer(5));
            }
            default -> throw new AssertionError("unexpected record type " + type);
        }
    }

    /**
     * Over all closed files: each writer's local sequence numbers are 1, 2, 3, ... without gap or repeat, and they
     * are the numbers of the stored events.
     */
    static void assertNumbersWithoutGaps(List<BillingFiles.Cdr> records) {
        Map<String, List<Long>> byWriter = new TreeMap<>();
        for (BillingFiles.Cdr r : records) {
            Map<Integer, Object> x = r.extensions(extensionsTag(r));
            int seqTag = SEQUENCE_TAG.get(r.tag());
            byWriter.computeIfAbsent((String) x.get(WRITER), w -> new ArrayList<>()).add(r.integer(seqTag));
        }
        assertFalse(byWriter.isEmpty());
        byWriter.forEach((writer, seqs) -> {
            List<Long> sorted = seqs.stream().sorted().toList();
            assertEquals(LongStream.rangeClosed(1, sorted.size()).boxed().toList(), sorted,
                    "writer " + writer + ": local sequence numbers with a gap or a repeat");
        });
    }
}
