package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** EarliestDeliveryTime (scheduled JMS delivery), ExpiryDate (expiry scan) and Priority. */
class TimingIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void setUp() {
        vasp = Gateway.newVasp();
    }

    private static String submit(String number, String earliest, String expiry) {
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitTimed(Gateway.unique("tx"), vasp,
                "<To><Number>" + number + "</Number></To>", earliest, expiry));
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"), r.body());
        return mm7(d, "MessageID");
    }

    private static boolean inMailbox(String number, String messageId) {
        return Gateway.mailbox(number).stream().anyMatch(e -> e.asJsonObject().getString("messageId").equals(messageId));
    }

    @Test
    void aScheduledMessageIsNotDeliveredBeforeItsEarliestDeliveryTimeAndIsAfter() throws Exception {
        Instant submitted = Instant.now();
        String messageId = submit("447700900501", "PT5S", null);
        JsonObject pending = Gateway.awaitCounts(messageId, c -> c.getJsonNumber("created").longValue() == 1,
                Duration.ofSeconds(4));
        assertEquals(1, Gateway.inState(pending, "PENDING"));
        assertTrue(!inMailbox("447700900501", messageId), "not in the mailbox before its time");
        assertEquals("ACCEPTED", Gateway.message(messageId).getString("state"));

        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(30));
        // the message is marked distributed by the completion step that follows its chunk's delivery
        JsonObject m = Gateway.awaitMessage(messageId, x -> x.getString("state").equals("DISTRIBUTED"),
                Duration.ofSeconds(10));
        Instant deliveredAt = Instant.parse(m.getJsonArray("recipients").getJsonObject(0).getString("stateChangedAt"));
        assertTrue(!deliveredAt.isBefore(submitted.plusSeconds(4)), "delivered at " + deliveredAt
                + ", submitted at " + submitted);
        assertEquals("DISTRIBUTED", m.getString("state"));
        JsonObject entry = Gateway.mailbox("447700900501").stream().map(v -> v.asJsonObject())
                .filter(e -> e.getString("messageId").equals(messageId)).findFirst().orElseThrow();
        assertEquals("LOW", entry.getString("priority"));
        assertEquals("Timed", entry.getString("subject"));
    }

    @Test
    void anUnretrievedMessageExpiresAndLeavesTheMailbox() throws Exception {
        String messageId = submit("447700900502", null, "PT3S");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(10));
        assertTrue(inMailbox("447700900502", messageId));
        JsonObject counts = Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "EXPIRED") == 1,
                Duration.ofSeconds(20));
        assertEquals(1, counts.getJsonObject("history").getJsonNumber("EXPIRED").longValue());
        assertTrue(!inMailbox("447700900502", messageId), "an expired message is gone from the mailbox");
    }

    @Test
    void aMessageThatExpiresBeforeItsEarliestDeliveryTimeIsNeverDelivered() throws Exception {
        String messageId = submit("447700900503", "PT8S", "PT2S");
        JsonObject counts = Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "EXPIRED") == 1,
                Duration.ofSeconds(20));
        Thread.sleep(8000);
        counts = Gateway.counts(messageId);
        assertEquals(0, Gateway.inState(counts, "DELIVERED"), counts.toString());
        assertTrue(!counts.getJsonObject("chargingEvents").containsKey("RECIPIENT_DELIVERY"), counts.toString());
    }

    @Test
    void aRetrievedMessageDoesNotExpire() throws Exception {
        String messageId = submit("447700900504", null, "PT6S");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(10));
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/447700900504/messages/" + messageId + "/retrieve", null).statusCode());
        Thread.sleep(9000);
        assertEquals(1, Gateway.inState(Gateway.counts(messageId), "RETRIEVED"));
    }
}
