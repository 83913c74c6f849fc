package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** CancelReq with Recipients (Release 6, To/Cc/Bcc as in the 3GPP schema): only the listed recipients are cancelled. */
class CancelRecipientsIT {
    private static final String REL5 = Gateway.namespace("REL-5-MM7-1-3");
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
    }

    private static String submit(String... numbers) throws Exception {
        StringBuilder to = new StringBuilder("<To>");
        for (String n : numbers) {
            to.append("<Number>").append(n).append("</Number>");
        }
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitTimed(Gateway.unique("tx"), vasp,
                to.append("</To>").toString(), "PT60S", null));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
        String messageId = mm7(xml(r.body()), "MessageID");
        Gateway.awaitCounts(messageId, c -> c.getJsonNumber("created").longValue() == numbers.length,
                Duration.ofSeconds(10));
        return messageId;
    }

    /** A CancelReq in the canonical namespace with prefixes on every element, listing {@code recipientsXml}. */
    private static Document cancel(String messageId, String recipientsXml) {
        String envelope = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                 <soapenv:Header><mm7:TransactionID xmlns:mm7="%1$s" soapenv:mustUnderstand="1">%2$s</mm7:TransactionID></soapenv:Header>
                 <soapenv:Body>
                  <mm7:CancelReq xmlns:mm7="%1$s">
                   <mm7:MM7Version>6.8.0</mm7:MM7Version>
                   <mm7:SenderIdentification><mm7:VASPID>%3$s</mm7:VASPID><mm7:VASID>%4$s</mm7:VASID></mm7:SenderIdentification>
                   <mm7:MessageID>%5$s</mm7:MessageID>
                   <mm7:Recipients>%6$s</mm7:Recipients>
                  </mm7:CancelReq>
                 </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(Gateway.NS, Gateway.unique("tx"), vasp.vaspId(), vasp.vasId(), messageId, recipientsXml);
        HttpResponse<String> r = Gateway.postSoap(vasp, envelope);
        assertEquals(200, r.statusCode(), r.body());
        return xml(r.body());
    }

    private static Map<String, String> states(String messageId) {
        return Gateway.message(messageId).getJsonArray("recipients").stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(r -> r.getString("address"), r -> r.getString("state")));
    }

    @Test
    void onlyTheListedRecipientsAreCancelled() throws Exception {
        String messageId = submit("447700902401", "447700902402", "447700902403");
        Document d = cancel(messageId, "<mm7:To><mm7:Number>+447700902401</mm7:Number></mm7:To>"
                + "<mm7:Bcc><mm7:Number>447700902402</mm7:Number></mm7:Bcc>");
        assertEquals("1000", mm7(d, "StatusCode"));
        Map<String, String> states = states(messageId);
        assertEquals("CANCELLED", states.get("447700902401"), states.toString());
        assertEquals("CANCELLED", states.get("447700902402"), states.toString());
        assertTrue(!"CANCELLED".equals(states.get("447700902403")), states.toString());
        JsonObject message = Gateway.message(messageId);
        assertTrue(!"CANCELLED".equals(message.getString("state")), "the message itself stays: " + message);

        Document partly = cancel(messageId, "<mm7:To><mm7:Number>447700902403</mm7:Number>"
                + "<mm7:Number>447700902499</mm7:Number></mm7:To>");
        assertEquals("1100", mm7(partly, "StatusCode"));
        assertTrue(mm7(partly, "Details").contains("447700902499"), mm7(partly, "Details"));
        assertEquals("CANCELLED", states(messageId).get("447700902403"));

        Document none = cancel(messageId, "<mm7:Cc><mm7:Number>447700902401</mm7:Number></mm7:Cc>");
        assertEquals("3001", mm7(none, "StatusCode"));
        assertTrue(mm7(none, "Details").contains("447700902401"), mm7(none, "Details"));
        long cancelEvents = Gateway.chargingEvents(messageId).stream()
                .filter(e -> e.asJsonObject().getString("recordType").equals("MM7_CANCEL")).count();
        assertEquals(2, cancelEvents, "the two cancels done; the refused one is charged to the VASP, not on the message");
    }

    @Test
    void aRelease5CancelWithoutRecipientsStillCancelsForEveryone() throws Exception {
        String messageId = submit("447700902411", "447700902412");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.cancelIn(REL5, "5.8.0", Gateway.unique("tx"), vasp,
                messageId));
        assertEquals("1000", Gateway.text(xml(r.body()), REL5, "StatusCode"), r.body());
        Map<String, String> states = states(messageId);
        assertEquals("CANCELLED", states.get("447700902411"), states.toString());
        assertEquals("CANCELLED", states.get("447700902412"), states.toString());
    }
}
