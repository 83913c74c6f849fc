package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Release 6 elements of SubmitReq, ReplaceReq and CancelReq in a form the gateway cannot act on are refused with the code
 * TS 23.140 gives and a Details text naming the element, never answered 1000 with the element dropped.
 */
class ConformanceIT {
    private static final String REL5 = "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-2";
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
    }

    /** A SubmitReq in the default namespace {@code namespace}, {@code extra} after Subject (schema order). */
    private static String submit(String namespace, String tx, String extra) {
        return Envelopes.submitDefaultNamespace(namespace, tx, vasp, "<To><Number>+447700902201</Number></To>",
                "<ServiceCode>conformance</ServiceCode><Subject>conformance</Subject>" + extra);
    }

    private static Document refused(HttpResponse<String> r, String code, String element) {
        return refused(r, Gateway.NS, code, element);
    }

    private static Document refused(HttpResponse<String> r, String namespace, String code, String element) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals(code, Gateway.text(d, namespace, "StatusCode"), r.body());
        assertTrue(Gateway.text(d, namespace, "Details").contains(element), r.body());
        return d;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2007 | replyChargingSize | <ReplyCharging replyChargingSize='0' replyDeadline='P2D'/>",
            "2007 | DeliveryCondition | <DeliveryCondition><DC>0</DC></DeliveryCondition>",
            "2000 | ChargedPartyID | <ChargedParty>Sender</ChargedParty><ChargedPartyID>acct-9</ChargedPartyID>"})
    void unsupportedSubmitElementsAreRefusedAndCharged(String code, String element, String xml) throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        for (String namespace : List.of(Gateway.NS, REL5)) {
            String tx = Gateway.unique("tx");
            refused(Gateway.postSoap(vasp, submit(namespace, tx, xml)), namespace, code, element);
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        }
        // prefixed, the way other VASP software writes it
        String tx = Gateway.unique("tx");
        String prefixed = xml.replaceAll("<(/?)([A-Z])", "<$1mm7:$2");
        refused(Gateway.postSoap(vasp, Envelopes.submitIn(Gateway.NS, "6.8.0", tx, vasp,
                "<mm7:To><mm7:Number>447700902202</mm7:Number></mm7:To>", prefixed)), code, element);
        // events are exported once numbered, just after their transaction: wait for them a little
        List<JsonObject> events = List.of();
        for (int i = 0; i < 50 && events.size() < 3; i++) {
            if (i > 0) {
                Thread.sleep(200);
            }
            events = Billing.events(vasp.vaspId(), start).stream()
                    .filter(e -> e.getInt("statusCode") == Integer.parseInt(code))
                    .filter(e -> e.getString("recordType").equals("MM7_SUBMIT_REJECTED")).toList();
        }
        assertTrue(events.size() >= 3, events.toString());
    }

    @Test
    void theSameElementsAreAcceptedWhenAbsent() {
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(Gateway.NS, Gateway.unique("tx"), ""));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    @Test
    void contentAttributesAreStoredAndShown() throws Exception {
        String tx = Gateway.unique("tx");
        String number = "447700902211";
        // prefixed, Release 6: TimeStamp with an offset, the Release 6 elements after Subject, a content reference
        String soap = Envelopes.submitIn(Gateway.NS, "6.8.0", tx, vasp,
                "<mm7:To><mm7:Number>" + number + "</mm7:Number></mm7:To>",
                "<mm7:DistributionIndicator>false</mm7:DistributionIndicator><mm7:ContentClass>image-rich</mm7:ContentClass>"
                        + "<mm7:DRMContent>true</mm7:DRMContent>"
                        + "<mm7:Content href=\"cid:body@vasp\" allowAdaptations=\"false\"/>")
                .replace("<mm7:Subject>", "<mm7:TimeStamp>2026-12-04T10:15:30+01:00</mm7:TimeStamp><mm7:Subject>");
        byte[] request = new Mime("conf-b1")
                .part(soap, "Content-Type: text/xml; charset=\"utf-8\"", "Content-ID: <soap@vasp>")
                .part("hello", "Content-Type: text/plain", "Content-ID: <body@vasp>")
                .end();
        HttpResponse<String> r = Gateway.post(vasp, "multipart/related; boundary=\"conf-b1\"; type=\"text/xml\"; start=\"<soap@vasp>\"",
                request, "\"\"");
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        String messageId = mm7(xml(r.body()), "MessageID");

        JsonObject attributes = Gateway.message(messageId).getJsonObject("attributes");
        assertEquals("2026-12-04T09:15:30Z", attributes.getString("timeStamp"), attributes.toString());
        assertEquals(false, attributes.getBoolean("allowAdaptations"));
        assertEquals(false, attributes.getBoolean("distributionIndicator"));
        assertEquals("image-rich", attributes.getString("contentClass"));
        assertEquals(true, attributes.getBoolean("drmContent"));

        Gateway.awaitMessage(messageId, m -> m.getJsonArray("recipients").stream()
                .anyMatch(x -> x.asJsonObject().getString("state").equals("DELIVERED")), java.time.Duration.ofSeconds(20));
        JsonObject entry = Gateway.mailbox(number).stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("messageId").equals(messageId)).findFirst().orElseThrow();
        assertEquals("image-rich", entry.getJsonObject("attributes").getString("contentClass"), entry.toString());
        assertEquals(false, entry.getJsonObject("attributes").getBoolean("distributionIndicator"));
    }

    @Test
    void aSubmitWithoutThemShowsNone() {
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(Gateway.NS, Gateway.unique("tx"), ""));
        String messageId = mm7(xml(r.body()), "MessageID");
        JsonObject attributes = Gateway.message(messageId).getJsonObject("attributes");
        assertTrue(attributes == null || attributes.isEmpty(), String.valueOf(attributes));
    }

    private static String submitted() {
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitTimed(Gateway.unique("tx"), vasp,
                "<To><Number>447700902203</Number><Number>447700902204</Number></To>", "PT60S", null));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        return mm7(xml(r.body()), "MessageID");
    }

    @Test
    void aReplaceChangesTheRelease6AttributesAndTheTimeStamp() {
        String messageId = submitted();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.replace(Gateway.unique("tx"), vasp, messageId,
                "<TimeStamp>2026-12-04T11:00:00Z</TimeStamp><DistributionIndicator>false</DistributionIndicator>"
                        + "<ContentClass>video-basic</ContentClass><DRMContent>true</DRMContent>"));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        JsonObject attributes = Gateway.message(messageId).getJsonObject("attributes");
        assertEquals("2026-12-04T11:00:00Z", attributes.getString("timeStamp"), attributes.toString());
        assertEquals(false, attributes.getBoolean("distributionIndicator"));
        assertEquals("video-basic", attributes.getString("contentClass"));
        assertEquals(true, attributes.getBoolean("drmContent"));
    }

    @Test
    void refusedCancelAndReplaceRequestsAreChargedLikeRefusedSubmits() throws Exception {
        Gateway.Vasp own = Gateway.newVasp();
        Instant start = Instant.now().minusSeconds(1);
        refused(Gateway.postSoap(own, Envelopes.cancel(Gateway.unique("tx"), own, "no-such-message")), "2005",
                "no-such-message");
        HttpResponse<String> r = Gateway.postSoap(own, Envelopes.submitTimed(Gateway.unique("tx"), own,
                "<To><Number>447700902221</Number></To>", "PT60S", null));
        String messageId = mm7(xml(r.body()), "MessageID");
        refused(Gateway.postSoap(own, Envelopes.replace(Gateway.unique("tx"), own, messageId,
                "<EarliestDeliveryTime>next tuesday</EarliestDeliveryTime>")), "2007", "EarliestDeliveryTime");
        List<JsonObject> rejected = List.of();
        for (int i = 0; i < 50 && rejected.size() < 2; i++) {
            if (i > 0) {
                Thread.sleep(200);
            }
            rejected = Billing.events(own.vaspId(), start).stream()
                    .filter(e -> "REJECTED".equals(e.getString("result"))).toList();
        }
        assertEquals(2, rejected.size(), rejected.toString());
        JsonObject cancel = rejected.stream().filter(e -> e.getString("recordType").equals("MM7_CANCEL")).findFirst()
                .orElseThrow(() -> new AssertionError("no refused MM7_CANCEL event"));
        assertEquals(2005, cancel.getInt("statusCode"));
        assertEquals(own.vasId(), cancel.getString("vasId"));
        JsonObject replace = rejected.stream().filter(e -> e.getString("recordType").equals("MM7_REPLACE")).findFirst()
                .orElseThrow(() -> new AssertionError("no refused MM7_REPLACE event"));
        assertEquals(2007, replace.getInt("statusCode"));
        assertTrue(replace.getString("details").contains("EarliestDeliveryTime"), replace.toString());
        assertEquals(0, Gateway.chargingEvents(messageId).stream()
                .filter(e -> e.asJsonObject().getString("recordType").equals("MM7_REPLACE")
                        && !"REJECTED".equals(e.asJsonObject().getString("result"))).count());
    }
}
