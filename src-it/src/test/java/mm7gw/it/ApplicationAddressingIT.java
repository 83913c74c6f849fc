package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Application addressing (TS 23.140 Release 6: ApplicID, ReplyApplicID, AuxApplicInfo) is kept with the message:
 * shown in the admin API, the console and the subscriber's mailbox, replaced by a ReplaceReq, and carried on the
 * charging records (exports, topic, CDR files); a CancelReq's own goes on the cancel's record. Envelopes as VASP
 * software writes them: Release 6 in the default namespace, Release 5 (REL-5-MM7-1-3) with prefixes and the
 * misspelling AuxApplicId.
 */
class ApplicationAddressingIT {
    private static final String REL5 = Gateway.namespace("REL-5-MM7-1-3");
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
    }

    /** A Release 6 SubmitReq in the default namespace; {@code extra} after Subject (schema order). */
    private static String submit(String tx, String number, String extra) {
        return Envelopes.submitDefaultNamespace(Gateway.NS, tx, vasp, "<To><Number>" + number + "</Number></To>",
                "<ServiceCode>game</ServiceCode><DeliveryReport>false</DeliveryReport><Subject>level 3</Subject>" + extra);
    }

    private static void assertApplication(JsonObject a, String applicId, String replyApplicId, String aux) {
        assertNotNull(a, "no application addressing shown");
        assertEquals(applicId, a.getString("applicId", null), a.toString());
        assertEquals(replyApplicId, a.getString("replyApplicId", null), a.toString());
        assertEquals(aux, a.getString("auxApplicInfo", null), a.toString());
    }

    @Test
    void keptWithTheMessageShownInTheMailboxAndOnTheRecords() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            String rel6 = Gateway.accepted(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902401",
                    "<ApplicID> com.example.game </ApplicID><ReplyApplicID>com.example.scores</ReplyApplicID>"
                            + "<AuxApplicInfo> level=3; lives=2 </AuxApplicInfo>")));
            String rel5 = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.submitIn(REL5, "5.8.0", Gateway.unique("tx"), vasp,
                    "<mm7:To><mm7:Number>447700902402</mm7:Number></mm7:To>",
                    "<mm7:ApplicID>com.example.quiz</mm7:ApplicID><mm7:AuxApplicId>q=7</mm7:AuxApplicId>")));

            assertApplication(Gateway.message(rel6).getJsonObject("application"), "com.example.game",
                    "com.example.scores", " level=3; lives=2 ");
            assertApplication(Gateway.message(rel5).getJsonObject("application"), "com.example.quiz", null, "q=7");

            // the recipient's mailbox: the listing and the message itself
            Gateway.awaitMessage(rel6, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(30));
            Gateway.awaitMessage(rel5, m -> m.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(30));
            JsonObject entry = Gateway.mailbox("447700902401").stream().map(v -> v.asJsonObject())
                    .filter(e -> e.getString("messageId").equals(rel6)).findFirst().orElseThrow();
            assertApplication(entry.getJsonObject("application"), "com.example.game", "com.example.scores",
                    " level=3; lives=2 ");
            JsonObject shown = (JsonObject) Gateway.adminJson("/api/mailboxes/447700902402/messages/" + rel5);
            assertApplication(shown.getJsonObject("application"), "com.example.quiz", null, "q=7");

            // the charging records: a submit and a delivery event per message
            Map<String, String> applicIds = Map.of(rel6, "com.example.game", rel5, "com.example.quiz");
            List<JsonObject> events = List.of();
            for (int i = 0; i < 100 && events.size() < 4; i++) {
                Thread.sleep(i == 0 ? 0 : 200);
                events = Billing.events(vasp.vaspId(), start).stream()
                        .filter(e -> applicIds.containsKey(e.getString("messageId", ""))).toList();
            }
            assertEquals(4, events.size(), events.toString());
            for (JsonObject e : events) {
                assertEquals(applicIds.get(e.getString("messageId")), e.getString("applicId"), e.toString());
            }
            List<JsonObject> published = topic.receive(4, Duration.ofSeconds(30)).stream()
                    .filter(e -> applicIds.containsKey(e.getString("messageId", ""))).toList();
            assertEquals(4, published.size(), published.toString());
            published.forEach(e -> assertEquals(applicIds.get(e.getString("messageId")), e.getString("applicId")));
            JsonObject submitted = published.stream().filter(e -> e.getString("messageId").equals(rel6)).findFirst()
                    .orElseThrow();
            assertEquals("com.example.scores", submitted.getString("replyApplicId"));
            assertEquals(" level=3; lives=2 ", submitted.getString("auxApplicInfo"));
            List<CSVRecord> rows = Billing.csv(vasp.vaspId(), start).stream()
                    .filter(row -> applicIds.containsKey(row.get("messageId"))).toList();
            assertEquals(4, rows.size());
            rows.forEach(row -> assertEquals(applicIds.get(row.get("messageId")), row.get("applicId")));

            // CDR files: the gateway's extensions applicID (11), replyApplicID (12), auxApplicInfo (13)
            assertNotNull(BillingFiles.closeOpenFile(), "the open CDR file held this test's records");
            Map<Long, BillingFiles.Cdr> byEventId = new HashMap<>();
            for (BillingFiles.Cdr r : BillingFiles.allRecords()) {
                byEventId.put((Long) r.extensions(CdrFileIT.extensionsTag(r)).get(CdrFileIT.EVENT_ID), r);
            }
            for (JsonObject e : events) {
                BillingFiles.Cdr r = byEventId.get(e.getJsonNumber("eventId").longValue());
                assertNotNull(r, "no CDR of " + e);
                Map<Integer, Object> x = r.extensions(CdrFileIT.extensionsTag(r));
                assertEquals(e.getString("applicId"), x.get(11), e.toString());
                assertEquals(e.getString("replyApplicId", null), x.get(12), e.toString());
                assertEquals(e.getString("auxApplicInfo", null), x.get(13), e.toString());
            }
        }
    }

    @Test
    void aReplaceChangesWhatItGivesAndACancelRecordsItsOwn() throws Exception {
        String messageId = Gateway.accepted(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902403",
                "<ApplicID>com.example.game</ApplicID><ReplyApplicID>com.example.scores</ReplyApplicID>")
                // not delivered before the replace and the cancel
                .replace("<DeliveryReport>", "<EarliestDeliveryTime>PT60S</EarliestDeliveryTime><DeliveryReport>")));
        // a ReplaceReq in a Release 5 namespace (default namespace on the request element)
        String replace = Envelopes.replace(Gateway.unique("tx"), vasp, messageId,
                "<ApplicID>com.example.game2</ApplicID><AuxApplicInfo>v=2</AuxApplicInfo>")
                .replace(Gateway.NS, REL5);
        HttpResponse<String> replaced = Gateway.postSoap(vasp, replace);
        assertEquals("1000", Gateway.text(Gateway.xml(replaced.body()), "*", "StatusCode"), replaced.body());
        assertApplication(Gateway.message(messageId).getJsonObject("application"), "com.example.game2",
                "com.example.scores", "v=2");

        String cancel = Envelopes.cancel(Gateway.unique("tx"), vasp, messageId)
                .replace("</MessageID>", "</MessageID><ReplyApplicID>com.example.ops</ReplyApplicID>");
        HttpResponse<String> cancelled = Gateway.postSoap(vasp, cancel);
        assertEquals("1000", Gateway.text(Gateway.xml(cancelled.body()), "*", "StatusCode"), cancelled.body());
        List<JsonObject> events = Gateway.chargingEvents(messageId).stream().map(v -> v.asJsonObject()).toList();
        JsonObject replaceEvent = events.stream().filter(e -> e.getString("recordType").equals("MM7_REPLACE"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("com.example.game2", replaceEvent.getString("applicId"), replaceEvent.toString());
        JsonObject cancelEvent = events.stream().filter(e -> e.getString("recordType").equals("MM7_CANCEL"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("com.example.ops", cancelEvent.getString("replyApplicId"), cancelEvent.toString());
        assertEquals("com.example.game2", cancelEvent.getString("applicId"), cancelEvent.toString());
    }

    @Test
    void aValueTheGatewayCannotKeepIsRefused() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(tx, "447700902404",
                "<ApplicID>" + "a".repeat(257) + "</ApplicID>"));
        assertEquals("2007", Gateway.mm7(Gateway.xml(r.body()), "StatusCode"), r.body());
        assertTrue(Gateway.mm7(Gateway.xml(r.body()), "Details").contains("ApplicID"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void theConsoleShowsIt() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "Chromium and chromedriver are needed");
        String messageId = Gateway.accepted(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902405",
                "<ApplicID>com.example.console</ApplicID>")));
        try (Browser browser = new Browser()) {
            browser.loginAsAdmin();
            browser.open("/admin/message.xhtml?messageId=" + messageId);
            browser.waitForText(By.id("application"), "com.example.console");
        }
    }
}
