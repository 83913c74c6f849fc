package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Reply charging (TS 23.140 ReplyCharging with replyChargingSize and replyDeadline): the message keeps what the VASP
 * offered (admin API, its charging records); a recipient's reply through the simulated MM1 outbox within the
 * deadline and size is charged to the VASP: the DeliverReq carries the ReplyChargingID (the MessageID replied to)
 * and the reply's MM7_DELIVER record names it, charged party RECIPIENT (the VASP). A reply over the size, after the
 * deadline, or a second one goes as an ordinary MO message. Envelopes: Release 6 in the default namespace, Release 5
 * (REL-5-MM7-1-0) with prefixes and the limits written as child elements, as some VASP software does.
 */
class ReplyChargingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Gateway.Vasp vasp;
    private static TestVasp endpoint;
    private static final String CODE = "8" + (System.nanoTime() % 10_000_000L);

    @BeforeAll
    static void setUp() {
        vasp = Gateway.newVasp();
        endpoint = TestVasp.start();
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder()
                .add("url", endpoint.url().toString()).add("mm7Release", "REL-6-MM7-1-4").add("login", "gw")
                .add("password", "out-secret").add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true)
                .add("shortCodes", Json.createArrayBuilder().add(CODE)).build().toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    private static String submit(String tx, String number, String replyCharging) {
        return Envelopes.submitDefaultNamespace(Gateway.NS, tx, vasp, "<To><Number>" + number + "</Number></To>",
                "<ServiceCode>poll</ServiceCode>" + replyCharging + "<Subject>Reply YES or NO, on us</Subject>");
    }

    private static String delivered(HttpResponse<String> r) throws Exception {
        assertEquals("1000", Gateway.text(Gateway.xml(r.body()), "*", "StatusCode"), r.body());
        String messageId = Gateway.text(Gateway.xml(r.body()), "*", "MessageID");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, WAIT);
        return messageId;
    }

    private static JsonObject reply(String from, String messageId, String text) {
        HttpResponse<String> sent = Gateway.admin("POST", "/api/mailboxes/" + from + "/outbox", Json.createObjectBuilder()
                .add("to", CODE).add("subject", "Re: poll").add("text", text).add("replyTo", messageId).build()
                .toString());
        assertEquals(202, sent.statusCode(), sent.body());
        return Billing.parse(sent.body());
    }

    /** null or left out (the admin API leaves null values out) */
    private static boolean absent(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name);
    }

    private static TestVasp.Request deliverReq(String linkedId) throws InterruptedException {
        return endpoint.await(r -> r.body().contains(linkedId) && r.body().contains("DeliverReq"), WAIT);
    }

    @Test
    void aReplyWithinTheLimitsIsChargedToTheVasp() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String messageId = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902701",
                "<ReplyCharging replyChargingSize=\"100\" replyDeadline=\"P1D\"/>")));
        JsonObject offered = Gateway.message(messageId).getJsonObject("replyCharging");
        assertEquals(100, offered.getInt("size"), offered.toString());
        assertTrue(Instant.parse(offered.getString("deadline")).isAfter(Instant.now().plus(Duration.ofHours(23))));

        JsonObject sent = reply("447700902701", messageId, "YES");
        assertEquals(messageId, sent.getString("replyChargingId"), sent.toString());
        TestVasp.Request deliver = deliverReq(sent.getString("linkedId"));
        assertTrue(deliver.body().contains("<ReplyChargingID>" + messageId + "</ReplyChargingID>"), deliver.body());

        // a second reply is not charged to the VASP
        JsonObject second = reply("447700902701", messageId, "NO");
        assertTrue(absent(second, "replyChargingId"), second.toString());
        assertTrue(second.getString("notReplyCharged").contains("already"), second.toString());
        assertFalse(deliverReq(second.getString("linkedId")).body().contains("ReplyChargingID"));

        // the records: the submit offers it, the reply is charged against it
        // wait for the records of both replies (other MM7_DELIVER records of the VASP may come first)
        java.util.Set<String> replies = java.util.Set.of(sent.getString("linkedId"), second.getString("linkedId"));
        List<JsonObject> events = List.of();
        for (int i = 0; i < 100 && events.stream().filter(e -> e.getString("recordType").equals("MM7_DELIVER")
                && replies.contains(e.getString("linkedId", ""))).count() < 2; i++) {
            Thread.sleep(i == 0 ? 0 : 200);
            events = Billing.events(vasp.vaspId(), start);
        }
        JsonObject submitted = events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT")
                && messageId.equals(e.getString("messageId", null))).findFirst().orElseThrow();
        assertTrue(submitted.getBoolean("replyCharging"), submitted.toString());
        assertEquals(100, submitted.getInt("replyChargingSize"));
        JsonObject charged = events.stream().filter(e -> e.getString("recordType").equals("MM7_DELIVER")
                && sent.getString("linkedId").equals(e.getString("linkedId", null))).findFirst()
                .orElseThrow(() -> new AssertionError("no MM7_DELIVER record of the reply"));
        assertEquals(messageId, charged.getString("replyChargingId"), charged.toString());
        assertEquals("RECIPIENT", charged.getString("chargedParty"), charged.toString());
        JsonObject ordinary = events.stream().filter(e -> e.getString("recordType").equals("MM7_DELIVER")
                && second.getString("linkedId").equals(e.getString("linkedId", null))).findFirst().orElseThrow();
        assertTrue(absent(ordinary, "replyChargingId"), ordinary.toString());
    }

    @Test
    void theConsoleShowsTheTermsOfReplyCharging() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "Chromium and chromedriver are needed");
        String offered = Gateway.accepted(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902704",
                "<ReplyCharging replyChargingSize=\"2000\" replyDeadline=\"2030-01-01T00:00:00Z\"/>")));
        String plain = Gateway.accepted(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902704", "")));
        try (Browser browser = new Browser()) {
            browser.loginAsAdmin();
            browser.open("/admin/message.xhtml?messageId=" + offered);
            browser.waitForText(By.id("reply-charging"), "replies up to 2000 bytes, sent by 2030-01-01T00:00:00Z");
            browser.open("/admin/message.xhtml?messageId=" + plain);
            browser.waitForText(By.id("reply-charging"), "not offered");
        }
    }

    @Test
    void aReplyOverTheSizeOrAfterTheDeadlineGoesAsAnOrdinaryMessage() throws Exception {
        // Release 5, prefixed, the limits as child elements
        String small = delivered(Gateway.postSoap(vasp, Envelopes.submitIn(Gateway.namespace("REL-5-MM7-1-0"), "5.3.0",
                Gateway.unique("tx"), vasp, "<mm7:To><mm7:Number>447700902702</mm7:Number></mm7:To>", "")
                .replace("<mm7:DeliveryReport>", "<mm7:ReplyCharging><mm7:ReplyChargingSize>3</mm7:ReplyChargingSize>"
                        + "<mm7:ReplyDeadline>P1D</mm7:ReplyDeadline></mm7:ReplyCharging><mm7:DeliveryReport>")));
        assertEquals(3, Gateway.message(small).getJsonObject("replyCharging").getInt("size"));
        JsonObject tooBig = reply("447700902702", small, "Four");
        assertTrue(absent(tooBig, "replyChargingId"), tooBig.toString());
        assertTrue(tooBig.getString("notReplyCharged").contains("bytes"), tooBig.toString());
        assertFalse(deliverReq(tooBig.getString("linkedId")).body().contains("ReplyChargingID"));

        String late = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902703",
                "<ReplyCharging replyDeadline=\"PT1S\"/>")));
        Thread.sleep(1500);
        JsonObject afterDeadline = reply("447700902703", late, "YES");
        assertTrue(afterDeadline.getString("notReplyCharged").contains("deadline"), afterDeadline.toString());

        // a message without reply charging
        String none = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902704", "")));
        JsonObject plain = reply("447700902704", none, "YES");
        assertTrue(absent(Gateway.message(none), "replyCharging"));
        assertTrue(plain.getString("notReplyCharged").contains("offers no reply charging"), plain.toString());
    }
}
