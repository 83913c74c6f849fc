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
 * Third-party charging (TS 23.140 Release 6): a submit with ChargedParty ThirdParty and a ChargedPartyID is
 * accepted, the message keeps both (admin API, console), and both are on every charging record of it: the
 * events of the JSON and CSV exports, the mm7.charging topic and the CDR files. Envelopes as VASP software writes
 * them: a Release 6 one in the default namespace, a Release 5 one (REL-5-MM7-1-2) with prefixes.
 */
class ThirdPartyChargingIT {
    private static final String REL5 = Gateway.namespace("REL-5-MM7-1-2");
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
    }

    /** A Release 6 SubmitReq in the default namespace; {@code charging} after Subject (schema order). */
    private static String defaultNamespace(String tx, String number, String charging) {
        return Envelopes.submitDefaultNamespace(Gateway.NS, tx, vasp, "<To><Number>+" + number + "</Number></To>",
                "<ServiceCode>sponsored</ServiceCode><Subject>paid by a sponsor</Subject>" + charging);
    }

    @Test
    void aThirdPartyIsChargedOnEveryRecord() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        try (Billing.Subscriber topic = new Billing.Subscriber(vasp.vaspId())) {
            String rel6 = Gateway.accepted(Gateway.postSoap(vasp, defaultNamespace(Gateway.unique("tx"), "447700902301",
                    "<ChargedParty>ThirdParty</ChargedParty><ChargedPartyID>sponsor-acct-17</ChargedPartyID>")));
            // Release 5 namespace, mm7: prefixes, SOAP-ENV envelope, padded value
            String rel5 = Gateway.accepted(Gateway.postSoap(vasp, Envelopes.submitIn(REL5, "5.3.0", Gateway.unique("tx"), vasp,
                    "<mm7:To><mm7:Number>447700902302</mm7:Number></mm7:To>",
                    "<mm7:ChargedParty>ThirdParty</mm7:ChargedParty><mm7:ChargedPartyID>  sponsor-acct-5 </mm7:ChargedPartyID>")));
            Map<String, String> expected = Map.of(rel6, "sponsor-acct-17", rel5, "sponsor-acct-5");

            for (Map.Entry<String, String> m : expected.entrySet()) {
                JsonObject message = Gateway.message(m.getKey());
                assertEquals("THIRD_PARTY", message.getString("chargedParty"), message.toString());
                assertEquals(m.getValue(), message.getString("chargedPartyId"), message.toString());
                Gateway.awaitMessage(m.getKey(), x -> x.getString("state").equals("DISTRIBUTED"), Duration.ofSeconds(30));
            }

            // a submit event and a delivery event per message, each naming the third party
            // (the VASP's refused submits of the other tests are left aside)
            List<JsonObject> events = List.of();
            for (int i = 0; i < 100 && events.size() < 4; i++) {
                Thread.sleep(i == 0 ? 0 : 200);
                events = Billing.events(vasp.vaspId(), start).stream()
                        .filter(e -> expected.containsKey(e.getString("messageId", ""))).toList();
            }
            assertEquals(4, events.size(), events.toString());
            for (JsonObject e : events) {
                assertEquals("THIRD_PARTY", e.getString("chargedParty"), e.toString());
                assertEquals(expected.get(e.getString("messageId")), e.getString("chargedPartyId"), e.toString());
            }
            List<JsonObject> published = topic.receive(4, Duration.ofSeconds(30)).stream()
                    .filter(e -> expected.containsKey(e.getString("messageId", ""))).toList();
            assertEquals(4, published.size(), published.toString());
            for (JsonObject e : published) {
                assertEquals("THIRD_PARTY", e.getString("chargedParty"), e.toString());
                assertEquals(expected.get(e.getString("messageId")), e.getString("chargedPartyId"), e.toString());
            }
            List<CSVRecord> rows = Billing.csv(vasp.vaspId(), start).stream()
                    .filter(row -> expected.containsKey(row.get("messageId"))).toList();
            assertEquals(4, rows.size());
            for (CSVRecord row : rows) {
                assertEquals("THIRD_PARTY", row.get("chargedParty"));
                assertEquals(expected.get(row.get("messageId")), row.get("chargedPartyId"));
            }

            // the CDR files: the gateway's extensions chargedParty (9) and chargedPartyID (10) on each record
            assertNotNull(BillingFiles.closeOpenFile(), "the open CDR file held this test's records");
            Map<Long, BillingFiles.Cdr> byEventId = new HashMap<>();
            for (BillingFiles.Cdr r : BillingFiles.allRecords()) {
                byEventId.put((Long) r.extensions(CdrFileIT.extensionsTag(r)).get(CdrFileIT.EVENT_ID), r);
            }
            for (JsonObject e : events) {
                BillingFiles.Cdr r = byEventId.get(e.getJsonNumber("eventId").longValue());
                assertNotNull(r, "no CDR of " + e);
                Map<Integer, Object> x = r.extensions(CdrFileIT.extensionsTag(r));
                assertEquals("THIRD_PARTY", x.get(9), e.toString());
                assertEquals(e.getString("chargedPartyId"), x.get(10), e.toString());
            }
        }
    }

    @Test
    void theConsoleShowsTheThirdParty() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "Chromium and chromedriver are needed");
        String messageId = Gateway.accepted(Gateway.postSoap(vasp, defaultNamespace(Gateway.unique("tx"), "447700902303",
                "<ChargedParty>ThirdParty</ChargedParty><ChargedPartyID>console-sponsor</ChargedPartyID>")));
        try (Browser browser = new Browser()) {
            browser.loginAsAdmin();
            browser.open("/admin/message.xhtml?messageId=" + messageId);
            browser.waitForText(By.id("charged-party"), "THIRD_PARTY console-sponsor");
        }
    }

    @Test
    void aThirdPartyAndItsIdGoTogether() {
        for (String charging : List.of("<ChargedParty>ThirdParty</ChargedParty>",
                "<ChargedParty>Sender</ChargedParty><ChargedPartyID>acct-9</ChargedPartyID>",
                "<ChargedPartyID>acct-9</ChargedPartyID>")) {
            String tx = Gateway.unique("tx");
            HttpResponse<String> r = Gateway.postSoap(vasp, defaultNamespace(tx, "447700902304", charging));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("2000", Gateway.mm7(Gateway.xml(r.body()), "StatusCode"), r.body());
            assertTrue(Gateway.mm7(Gateway.xml(r.body()), "Details").contains("ChargedParty"), r.body());
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        }
        String tx = Gateway.unique("tx");
        HttpResponse<String> tooLong = Gateway.postSoap(vasp, defaultNamespace(tx, "447700902304",
                "<ChargedParty>ThirdParty</ChargedParty><ChargedPartyID>" + "x".repeat(257) + "</ChargedPartyID>"));
        assertEquals("2007", Gateway.mm7(Gateway.xml(tooLong.body()), "StatusCode"), tooLong.body());
    }
}
