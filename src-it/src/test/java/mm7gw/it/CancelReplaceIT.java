package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** MM7_cancel and MM7_replace (TS 23.140 §8.7.3.2): owner only, per recipient, not after retrieval. */
class CancelReplaceIT {
    private static Gateway.Vasp owner;
    private static Gateway.Vasp other;

    @BeforeAll
    static void setUp() {
        owner = Gateway.newVasp();
        other = Gateway.newVasp();
    }

    private static String submit(String earliest, String... numbers) {
        StringBuilder to = new StringBuilder("<To>");
        for (String n : numbers) {
            to.append("<Number>").append(n).append("</Number>");
        }
        HttpResponse<String> r = Gateway.postSoap(owner, Envelopes.submitTimed(Gateway.unique("tx"), owner,
                to.append("</To>").toString(), earliest, null));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        return mm7(xml(r.body()), "MessageID");
    }

    private static Document cancel(Gateway.Vasp as, String messageId) {
        HttpResponse<String> r = Gateway.postSoap(as, Envelopes.cancel(Gateway.unique("tx"), as, messageId));
        assertEquals(200, r.statusCode(), r.body());
        return xml(r.body());
    }

    private static Document replace(Gateway.Vasp as, String messageId, String elements) {
        HttpResponse<String> r = Gateway.postSoap(as, Envelopes.replace(Gateway.unique("tx"), as, messageId, elements));
        assertEquals(200, r.statusCode(), r.body());
        return xml(r.body());
    }

    private static long chargingEventsOfType(String messageId, String type) {
        return Gateway.chargingEvents(messageId).stream()
                .filter(e -> e.asJsonObject().getString("recordType").equals(type)).count();
    }

    @Test
    void theOwnerCancelsAScheduledMessageForEveryRecipient() throws Exception {
        String messageId = submit("PT30S", "447700900701", "447700900702");
        Gateway.awaitCounts(messageId, c -> c.getJsonNumber("created").longValue() == 2, Duration.ofSeconds(10));
        Document d = cancel(owner, messageId);
        assertEquals("1000", mm7(d, "StatusCode"));
        assertTrue(d.getElementsByTagNameNS(Gateway.NS, "CancelRsp").getLength() == 1);
        JsonObject counts = Gateway.counts(messageId);
        assertEquals(2, Gateway.inState(counts, "CANCELLED"), counts.toString());
        assertEquals(2, counts.getJsonObject("history").getJsonNumber("CANCELLED").longValue());
        assertEquals("CANCELLED", counts.getString("state"));
        assertEquals(1, chargingEventsOfType(messageId, "MM7_CANCEL"));

        Document again = cancel(owner, messageId);
        assertEquals("3001", mm7(again, "StatusCode"));
        assertEquals("the message has already been cancelled", mm7(again, "Details"));
    }

    @Test
    void anotherVaspsMessageIsAnsweredExactlyLikeAnUnknownOne() throws Exception {
        String messageId = submit(null, "447700900703");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(10));

        Document foreign = cancel(other, messageId);
        Document unknown = cancel(other, "m-no-such-message");
        assertEquals("2005", mm7(foreign, "StatusCode"));
        assertEquals("Message ID Not found", mm7(foreign, "StatusText"));
        assertEquals(mm7(unknown, "StatusCode"), mm7(foreign, "StatusCode"));
        assertEquals(mm7(unknown, "Details").replace("m-no-such-message", "ID"),
                mm7(foreign, "Details").replace(messageId, "ID"));

        Document foreignReplace = replace(other, messageId, "<ServiceCode>stolen</ServiceCode>");
        assertEquals("2005", mm7(foreignReplace, "StatusCode"));
        assertEquals("2005", mm7(replace(owner, "m-no-such-message", "<ServiceCode>x</ServiceCode>"), "StatusCode"));

        JsonObject counts = Gateway.counts(messageId);
        assertEquals(1, Gateway.inState(counts, "DELIVERED"), "untouched: " + counts);
        assertEquals(0, chargingEventsOfType(messageId, "MM7_CANCEL") + chargingEventsOfType(messageId, "MM7_REPLACE"));
    }

    @Test
    void afterRetrievalCancelIsNotPossibleForThatRecipient() throws Exception {
        String messageId = submit(null, "447700900704", "447700900705");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 2, Duration.ofSeconds(10));
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/447700900704/messages/" + messageId + "/retrieve", null).statusCode());

        Document partial = cancel(owner, messageId);
        assertEquals("1100", mm7(partial, "StatusCode"));
        assertEquals("cancelled for 1 recipient(s); not possible for 1 that had already retrieved, rejected or lost it",
                mm7(partial, "Details"));
        JsonObject counts = Gateway.counts(messageId);
        assertEquals(1, Gateway.inState(counts, "RETRIEVED"));
        assertEquals(1, Gateway.inState(counts, "CANCELLED"));
        assertTrue(Gateway.mailbox("447700900705").stream()
                .noneMatch(e -> e.asJsonObject().getString("messageId").equals(messageId)));

        String retrievedOnly = submit(null, "447700900706");
        Gateway.awaitCounts(retrievedOnly, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(10));
        Gateway.admin("POST", "/api/mailboxes/447700900706/messages/" + retrievedOnly + "/retrieve", null);
        Document none = cancel(owner, retrievedOnly);
        assertEquals("3001", mm7(none, "StatusCode"));
        assertEquals("Not Possible", mm7(none, "StatusText"));
        assertEquals("3001", mm7(replace(owner, retrievedOnly, "<ServiceCode>later</ServiceCode>"), "StatusCode"));
    }

    @Test
    void theOwnerReplacesAttributesAndAnEarlierDeliveryTimeTakesEffect() throws Exception {
        String messageId = submit("PT60S", "447700900707");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "PENDING") == 1, Duration.ofSeconds(10));
        Document d = replace(owner, messageId,
                "<ServiceCode>svc-replaced</ServiceCode><ReadReply>true</ReadReply>"
                        + "<EarliestDeliveryTime>PT2S</EarliestDeliveryTime>");
        assertEquals("1000", mm7(d, "StatusCode"));
        JsonObject counts = Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1,
                Duration.ofSeconds(20));
        assertEquals(1, counts.getJsonObject("history").getJsonNumber("REPLACED").longValue());
        JsonObject m = Gateway.message(messageId);
        assertEquals("svc-replaced", m.getString("serviceCode"));
        assertTrue(m.getBoolean("readReply"));
        assertEquals(1, chargingEventsOfType(messageId, "MM7_REPLACE"));
    }

    @Test
    void aSuspendedVaspCannotCancel() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900708</Number></To>"));
        String messageId = mm7(xml(r.body()), "MessageID");
        assertEquals(200, Gateway.admin("POST", "/api/vasps/" + vasp.vaspId() + "/suspend", null).statusCode());
        HttpResponse<String> refused = Gateway.postSoap(vasp, Envelopes.cancel(Gateway.unique("tx"), vasp, messageId));
        assertEquals(500, refused.statusCode(), refused.body());
        assertEquals("4007", mm7(xml(refused.body()), "StatusCode"));
        assertTrue(Gateway.counts(messageId).getString("state").matches("ACCEPTED|DISTRIBUTED"));
    }
}
