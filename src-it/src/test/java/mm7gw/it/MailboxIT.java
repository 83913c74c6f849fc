package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated MM1 side: list, show, retrieve, read, reject, each change recorded per recipient. */
class MailboxIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void setUp() {
        vasp = Gateway.newVasp();
    }

    private static String deliveredTo(String... numbers) throws InterruptedException {
        StringBuilder to = new StringBuilder("<To>");
        for (String n : numbers) {
            to.append("<Number>").append(n).append("</Number>");
        }
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                to.append("</To>").toString()));
        String messageId = mm7(xml(r.body()), "MessageID");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == numbers.length, Duration.ofSeconds(30));
        return messageId;
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void retrieveThenReadIsRecordedPerRecipientWithTimes() throws Exception {
        String messageId = deliveredTo("447700900601", "447700900602");
        JsonObject listed = Gateway.mailbox("447700900601").getJsonObject(0);
        assertEquals(messageId, listed.getString("messageId"));
        assertEquals("DELIVERED", listed.getString("state"));
        assertEquals("HIGH", listed.getString("priority"));
        assertEquals("4455", listed.getString("from"));

        assertEquals(409, Gateway.admin("POST", "/api/mailboxes/447700900601/messages/" + messageId + "/read", null)
                .statusCode(), "reading needs a retrieval first");
        HttpResponse<String> retrieved = Gateway.admin("POST", "/api/mailboxes/447700900601/messages/" + messageId + "/retrieve", null);
        assertEquals(200, retrieved.statusCode(), retrieved.body());
        assertEquals("RETRIEVED", json(retrieved).getString("state"));
        assertEquals("Today's forecast", json(retrieved).getString("subject"));
        HttpResponse<String> read = Gateway.admin("POST", "/api/mailboxes/447700900601/messages/" + messageId + "/read",
                null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("READ", json(read).getString("state"));
        assertEquals(409, Gateway.admin("POST", "/api/mailboxes/447700900601/messages/" + messageId + "/reject", null)
                .statusCode(), "a retrieved message cannot be rejected");

        JsonObject m = Gateway.message(messageId);
        JsonObject first = m.getJsonArray("recipients").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("address").equals("447700900601")).findFirst().orElseThrow();
        assertEquals("READ", first.getString("state"));
        assertEquals(List.of("DELIVERED", "RETRIEVED", "READ"), first.getJsonArray("attempts").stream()
                .map(v -> v.asJsonObject().getString("outcome")).toList());
        JsonObject second = m.getJsonArray("recipients").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("address").equals("447700900602")).findFirst().orElseThrow();
        assertEquals("DELIVERED", second.getString("state"), "the other recipient is unaffected");
    }

    /** No state change on GET: showing a message, its content or a part does not retrieve it; POST .../retrieve does. */
    @Test
    void aGetShowsTheMessageWithoutRetrievingItAndTheRetrievalIsAPost() throws Exception {
        String messageId = deliveredTo("447700900605");
        String path = "/api/mailboxes/447700900605/messages/" + messageId;
        HttpResponse<String> shown = Gateway.admin("GET", path, null);
        assertEquals(200, shown.statusCode(), shown.body());
        assertEquals("DELIVERED", json(shown).getString("state"));
        assertEquals("Today's forecast", json(shown).getString("subject"));
        Gateway.admin("GET", path + "/content", null);
        Gateway.admin("GET", path + "/parts/0", null);
        assertEquals(405, Gateway.admin("GET", path + "/retrieve", null).statusCode(), "the retrieval is a POST");
        assertEquals(1, Gateway.inState(Gateway.counts(messageId), "DELIVERED"), "nothing changed on GET");
        assertEquals(List.of("DELIVERED"), Gateway.message(messageId).getJsonArray("recipients").getJsonObject(0)
                .getJsonArray("attempts").stream().map(v -> v.asJsonObject().getString("outcome")).toList());

        HttpResponse<String> retrieved = Gateway.admin("POST", path + "/retrieve", null);
        assertEquals(200, retrieved.statusCode(), retrieved.body());
        assertEquals("RETRIEVED", json(retrieved).getString("state"));
        assertEquals("RETRIEVED", json(Gateway.admin("GET", path, null)).getString("state"));
        assertEquals(1, Gateway.inState(Gateway.counts(messageId), "RETRIEVED"));
    }

    @Test
    void aRejectedMessageLeavesTheMailbox() throws Exception {
        String messageId = deliveredTo("447700900603");
        HttpResponse<String> rejected = Gateway.admin("POST",
                "/api/mailboxes/447700900603/messages/" + messageId + "/reject", null);
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", json(rejected).getString("state"));
        assertTrue(Gateway.mailbox("447700900603").stream()
                .noneMatch(e -> e.asJsonObject().getString("messageId").equals(messageId)));
        assertEquals(404, Gateway.admin("GET", "/api/mailboxes/447700900603/messages/" + messageId, null).statusCode());
    }

    @Test
    void unknownMessagesAndBadMailboxNamesAreClearErrors() {
        assertEquals(404, Gateway.admin("GET", "/api/mailboxes/447700900604/messages/m-none", null).statusCode());
        HttpResponse<String> bad = Gateway.admin("GET", "/api/mailboxes/12ab/messages", null);
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).getString("error").contains("12ab"), bad.body());
        HttpResponse<String> noContent = Gateway.admin("GET", "/api/mailboxes/447700900604/messages/m-none/content", null);
        assertEquals(404, noContent.statusCode());
    }
}
