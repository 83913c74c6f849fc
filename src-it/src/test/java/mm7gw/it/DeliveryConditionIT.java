package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.w3c.dom.Document;

/**
 * Delivery conditions (TS 23.140 Release 6 DeliveryCondition, DC 1: MMS-capable terminals only, 2: home network
 * only): the directory knows what a subscriber's terminal meets; a recipient whose terminal does not meet the
 * submit's conditions is not delivered to (state CONDITION_UNMET, nothing in its mailbox) and the VASP's delivery
 * report says DeliveryConditionNotMet (Rejected to a Release 5 VASP, whose schema lacks the value). Envelopes:
 * Release 6 in the default namespace, Release 5 (REL-5-MM7-1-3) with prefixes.
 */
class DeliveryConditionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Gateway.Vasp rel6;
    private static Gateway.Vasp rel5;
    private static TestVasp endpoint6;
    private static TestVasp endpoint5;

    @BeforeAll
    static void setUp() {
        rel6 = Gateway.newVasp();
        rel5 = Gateway.newVasp();
        endpoint6 = relay(rel6, "REL-6-MM7-1-4");
        endpoint5 = relay(rel5, "REL-5-MM7-1-3");
        // roaming: an MMS-capable terminal outside the home network (meets 1, not 2); a terminal meeting neither
        terminal("447700902601", "[1]");
        terminal("447700902603", "[]");
    }

    @AfterAll
    static void stop() {
        endpoint6.close();
        endpoint5.close();
    }

    private static TestVasp relay(Gateway.Vasp vasp, String release) {
        TestVasp endpoint = TestVasp.start();
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder()
                .add("url", endpoint.url().toString()).add("mm7Release", release).add("login", "gw")
                .add("password", "out-secret").add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return endpoint;
    }

    private static void terminal(String number, String met) {
        HttpResponse<String> r = Gateway.admin("POST", "/api/directory/subscribers",
                "{\"address\":\"" + number + "\",\"state\":\"ACTIVE\",\"deliveryConditionsMet\":" + met + "}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static String submit(String tx, String recipients, String conditions) {
        return Envelopes.submitDefaultNamespace(Gateway.NS, tx, rel6, "<To>" + recipients + "</To>",
                "<ServiceCode>home-only</ServiceCode><DeliveryReport>true</DeliveryReport>"
                        + "<Subject>not while roaming</Subject><DeliveryCondition>" + conditions + "</DeliveryCondition>");
    }

    private static String state(String messageId, String address) {
        return Gateway.message(messageId).getJsonArray("recipients").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("address").equals(address)).findFirst().orElseThrow().getString("state");
    }

    private static boolean inMailbox(String address, String messageId) {
        return Gateway.mailbox(address).stream().anyMatch(e -> e.asJsonObject().getString("messageId").equals(messageId));
    }

    @Test
    void theDirectoryKnowsTheTerminal() {
        JsonObject s = (JsonObject) Gateway.adminJson("/api/directory/subscribers/447700902601");
        assertEquals(List.of(1), s.getJsonArray("deliveryConditionsMet").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::intValue).toList());
        assertEquals(400, Gateway.admin("POST", "/api/directory/subscribers",
                "{\"address\":\"447700902609\",\"deliveryConditionsMet\":[0]}").statusCode());
    }

    /** The DC values the directory holds for a subscriber; null when it knows no limit. */
    private static List<Integer> met(String number) {
        JsonObject s = (JsonObject) Gateway.adminJson("/api/directory/subscribers/" + number);
        return !s.containsKey("deliveryConditionsMet") || s.isNull("deliveryConditionsMet") ? null
                : s.getJsonArray("deliveryConditionsMet").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(jakarta.json.JsonNumber::intValue).toList();
    }

    @Test
    void theConsoleSetsAndShowsWhatATerminalMeets() throws Exception {
        Assumptions.assumeTrue(Browser.available(),
                "Chromium and chromedriver are needed");
        // a closed range of its own whose numbers sort before the other tests' subscribers (first page of the table)
        Gateway.serveRange("1000", false);
        String number = "1000" + (100_000_000L + System.nanoTime() % 100_000_000L);
        try (Browser browser = new Browser()) {
            browser.loginAsAdmin();
            browser.open("/admin/directory.xhtml");
            browser.type(By.id("directory:address"), number);
            browser.type(By.id("directory:conditions"), "1, two");
            browser.click(By.id("directory:setSubscriber"));
            browser.waitForText(By.id("growl_container"), "DC values are positive integers");
            assertEquals(404, Gateway.admin("GET", "/api/directory/subscribers/" + number, null).statusCode(),
                    "a refused form stores nothing");

            browser.type(By.id("directory:conditions"), "1, 2");
            browser.click(By.id("directory:setSubscriber"));
            browser.waitForText(By.id("meets-" + number), "1, 2");
            assertEquals(List.of(1, 2), met(number));

            // blank keeps them while the state changes
            browser.select("directory:state", "BARRED");
            browser.type(By.id("directory:conditions"), "");
            browser.click(By.id("directory:setSubscriber"));
            browser.waitForText(By.id("growl_container"), number + " is BARRED");
            assertEquals("BARRED", ((JsonObject) Gateway.adminJson("/api/directory/subscribers/" + number)).getString("state"));
            assertEquals(List.of(1, 2), met(number));

            // "any": no known limit
            browser.type(By.id("directory:conditions"), "any");
            browser.click(By.id("directory:setSubscriber"));
            browser.waitForText(By.id("meets-" + number), "any");
            assertNull(met(number));
        }
    }

    @Test
    void aRoamingRecipientIsNotDeliveredToAndTheReportSaysSo() throws Exception {
        String messageId = Gateway.accepted(Gateway.postSoap(rel6, submit(Gateway.unique("tx"),
                "<Number>447700902601</Number><Number>447700902602</Number>", "<DC>2</DC>")));
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "CONDITION_UNMET") == 1
                && Gateway.inState(c, "DELIVERED") == 1, WAIT);
        assertEquals("CONDITION_UNMET", state(messageId, "447700902601"));
        assertEquals("DELIVERED", state(messageId, "447700902602"));
        assertTrue(inMailbox("447700902602", messageId));
        assertTrue(!inMailbox("447700902601", messageId));

        TestVasp.Request report = endpoint6.await(r -> r.body().contains(messageId)
                && r.body().contains("DeliveryReportReq"), WAIT);
        Document d = Gateway.xml(report.body());
        assertEquals("DeliveryConditionNotMet", Gateway.mm7(d, "MMStatus"), report.body());
        assertEquals("447700902601", Gateway.text(d, Gateway.NS, "Number"), report.body());
        // the recipient delivered to is not reported until it retrieves the message
        Thread.sleep(1000);
        assertEquals(1, endpoint6.received().stream().filter(r -> r.body().contains(messageId)).count());
    }

    @Test
    void aConditionMetByEveryTerminalChangesNothing() throws Exception {
        String messageId = Gateway.accepted(Gateway.postSoap(rel6, submit(Gateway.unique("tx"),
                "<Number>447700902601</Number><Number>447700902604</Number>", "<DC>1</DC>")));
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 2, WAIT);
    }

    @Test
    void aRelease5VaspIsToldRejected() throws Exception {
        String messageId = Gateway.accepted(Gateway.postSoap(rel5, Envelopes.submitIn(Gateway.namespace("REL-5-MM7-1-3"),
                "5.8.0", Gateway.unique("tx"), rel5, "<mm7:To><mm7:Number>447700902603</mm7:Number></mm7:To>",
                "<mm7:DeliveryCondition><mm7:DC>1</mm7:DC></mm7:DeliveryCondition>")));
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "CONDITION_UNMET") == 1, WAIT);
        TestVasp.Request report = endpoint5.await(r -> r.body().contains(messageId)
                && r.body().contains("DeliveryReportReq"), WAIT);
        Document d = Gateway.xml(report.body());
        String ns = Gateway.namespace("REL-5-MM7-1-3");
        assertEquals("Rejected", Gateway.text(d, ns, "MMStatus"), report.body());
        assertTrue(Gateway.text(d, ns, "StatusText").contains("DeliveryCondition"), report.body());
    }

    @Test
    void aConditionThatIsNoPositiveIntegerIsRefused() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(rel6, submit(tx, "<Number>447700902602</Number>", "<DC>0</DC>"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2007", Gateway.mm7(Gateway.xml(r.body()), "StatusCode"), r.body());
        assertTrue(Gateway.mm7(Gateway.xml(r.body()), "Details").contains("DeliveryCondition"), r.body());
    }
}
