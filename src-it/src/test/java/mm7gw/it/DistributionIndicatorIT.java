package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DistributionIndicator (TS 23.140): a recipient of a message its VASP marked not for redistribution
 * (DistributionIndicator false) cannot forward it in the simulated MM1 (409, nothing recorded); other messages
 * can be forwarded, the forward is in the recipient's history, and one done before retrieval is reported to the
 * VASP as Forwarded. A ReplaceReq can lift or set the mark. Envelopes: Release 6 in the default namespace,
 * Release 5 (REL-5-MM7-1-0, where the element is a maintenance addition) with prefixes.
 */
class DistributionIndicatorIT {
    private static final String REL5 = Gateway.namespace("REL-5-MM7-1-0");
    private static Gateway.Vasp vasp;
    private static TestVasp endpoint;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
        endpoint = TestVasp.start();
        HttpResponse<String> r = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(), Json.createObjectBuilder()
                .add("url", endpoint.url().toString()).add("mm7Release", "REL-6-MM7-1-4").add("login", "gw")
                .add("password", "out-secret").add("timeoutMillis", 5000).add("plainHttpCredentialsAllowed", true).build().toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    private static String submit(String tx, String number, String distributionIndicator) {
        return Envelopes.submitDefaultNamespace(Gateway.NS, tx, vasp, "<To><Number>" + number + "</Number></To>",
                "<ServiceCode>exclusive</ServiceCode><DeliveryReport>true</DeliveryReport>"
                        + "<Subject>for your eyes only</Subject><DistributionIndicator>" + distributionIndicator
                        + "</DistributionIndicator>");
    }

    private static String delivered(HttpResponse<String> r) throws Exception {
        assertEquals("1000", Gateway.text(Gateway.xml(r.body()), "*", "StatusCode"), r.body());
        String messageId = Gateway.text(Gateway.xml(r.body()), "*", "MessageID");
        Gateway.awaitCounts(messageId, c -> Gateway.inState(c, "DELIVERED") == 1, Duration.ofSeconds(30));
        return messageId;
    }

    private static HttpResponse<String> forward(String from, String messageId, String... to) {
        return Gateway.admin("POST", "/api/mailboxes/" + from + "/messages/" + messageId + "/forward",
                Json.createObjectBuilder().add("to", Json.createArrayBuilder(List.of(to))).build().toString());
    }

    private static List<String> history(String messageId) {
        return Gateway.message(messageId).getJsonArray("recipients").getJsonObject(0).getJsonArray("attempts")
                .stream().map(a -> a.asJsonObject().getString("outcome")).toList();
    }

    @Test
    void aMessageNotForRedistributionCannotBeForwarded() throws Exception {
        String rel6 = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902501", "false")));
        HttpResponse<String> refused = forward("447700902501", rel6, "447700902502");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("DistributionIndicator"), refused.body());
        // not after retrieval either, and nothing is recorded
        assertEquals(200, Gateway.admin("POST", "/api/mailboxes/447700902501/messages/" + rel6 + "/retrieve", null)
                .statusCode());
        assertEquals(409, forward("447700902501", rel6, "447700902502").statusCode());
        assertEquals(List.of("DELIVERED", "RETRIEVED"), history(rel6));

        // Release 5, prefixed, 0 for false
        String rel5 = delivered(Gateway.postSoap(vasp, Envelopes.submitIn(REL5, "5.3.0", Gateway.unique("tx"), vasp,
                "<mm7:To><mm7:Number>447700902503</mm7:Number></mm7:To>",
                "<mm7:DistributionIndicator>0</mm7:DistributionIndicator>")));
        assertEquals(409, forward("447700902503", rel5, "447700902502").statusCode());
    }

    @Test
    void anotherMessageIsForwardedAndReportedAsForwarded() throws Exception {
        String messageId = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902511", "true")));
        HttpResponse<String> done = forward("447700902511", messageId, "+447700902512", "447700902513");
        assertEquals(200, done.statusCode(), done.body());
        JsonObject forwarded = Billing.parse(done.body());
        assertEquals(List.of("447700902512", "447700902513"), forwarded.getJsonArray("to").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(List.of("DELIVERED", "FORWARDED"), history(messageId));
        TestVasp.Request report = endpoint.await(r -> r.body().contains(messageId)
                && r.body().contains("DeliveryReportReq"), Duration.ofSeconds(30));
        assertEquals("Forwarded", Gateway.mm7(Gateway.xml(report.body()), "MMStatus"), report.body());

        // to an address this MMSC cannot deliver to: 400
        assertEquals(400, forward("447700902511", messageId, "33612345678").statusCode());
    }

    @Test
    void aReplaceSetsTheMark() throws Exception {
        String messageId = delivered(Gateway.postSoap(vasp, submit(Gateway.unique("tx"), "447700902521", "true")));
        HttpResponse<String> replaced = Gateway.postSoap(vasp, Envelopes.replace(Gateway.unique("tx"), vasp, messageId,
                "<DistributionIndicator>false</DistributionIndicator>"));
        assertEquals("1000", Gateway.mm7(Gateway.xml(replaced.body()), "StatusCode"), replaced.body());
        assertEquals(409, forward("447700902521", messageId, "447700902522").statusCode());
    }
}
