package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Recipient resolution against the subscriber directory (TS 23.140 §8.7.1.2), and the directory's admin API. */
class ResolutionIT {
    /** a closed range: only listed subscribers exist */
    private static final String CLOSED = "447700955";
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void setUp() {
        vasp = Gateway.newVasp();
        Gateway.serveRange(CLOSED, false);
        Gateway.serveDomain("mms.example.org", false);
        Gateway.subscriber("+44 7700 955001", "ACTIVE");
        Gateway.subscriber("447700955002", "ACTIVE");
        Gateway.subscriber("447700955003", "BARRED");
        Gateway.subscriber("447700955004", "NOT_MMS_CAPABLE");
        Gateway.subscriber("bob@MMS.Example.org", "ACTIVE");
    }

    @Test
    void aMixOfAddressesIsPartialSuccessListingEachRefusedAddressAndWhy() throws Exception {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>+447700955001</Number><Number>447700955003</Number>"
                        + "<RFC2822Address>bob@mms.example.org</RFC2822Address></To>"
                        + "<Cc><Number>33612345678</Number><Number>12ab</Number><Number>447700955004</Number></Cc>"
                        + "<Bcc><Number>447700955009</Number><Number>00447700955001</Number>"
                        + "<RFC2822Address>carol@mms.example.org</RFC2822Address></Bcc>"));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1100", mm7(d, "StatusCode"));
        assertEquals("Partial success", mm7(d, "StatusText"));
        assertEquals("NUMBER '12ab': a number is 5 to 15 digits in international format; "
                + "NUMBER '447700955003': subscriber barred; "
                + "NUMBER '33612345678': not served by this MMSC; "
                + "NUMBER '447700955004': subscriber cannot receive MMS; "
                + "NUMBER '447700955009': no such subscriber; "
                + "EMAIL 'carol@mms.example.org': no such subscriber", mm7(d, "Details"));

        String messageId = mm7(d, "MessageID");
        JsonObject m = Gateway.awaitMessage(messageId, x -> x.getString("state").equals("DISTRIBUTED"),
                Duration.ofSeconds(30));
        assertEquals(2, m.getInt("recipientCount"), "447700955001 listed twice is one recipient");
        assertEquals(Set.of("447700955001", "bob@mms.example.org"), m.getJsonArray("recipients").stream()
                .map(v -> v.asJsonObject().getString("address")).collect(Collectors.toSet()));
        assertEquals(1100, Gateway.chargingEvents(messageId).stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("recordType").equals("MM7_SUBMIT")).findFirst().orElseThrow()
                .getInt("statusCode"));
        assertEquals(1, Gateway.mailbox("447700955001").stream()
                .filter(e -> e.asJsonObject().getString("messageId").equals(messageId)).count());
    }

    @Test
    void noResolvableRecipientBecauseMalformedOrUnservedIsAnAddressErrorAndStoresNothing() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>33612345678</Number><Number>447700955003</Number></To>"));
        Document d = xml(r.body());
        assertEquals("2002", mm7(d, "StatusCode"), r.body());
        assertEquals("no deliverable recipient: NUMBER '33612345678': not served by this MMSC; "
                + "NUMBER '447700955003': subscriber barred", mm7(d, "Details"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void noResolvableRecipientAmongServedAddressesIsAddressNotFound() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>447700955009</Number><Number>447700955003</Number></To>"
                        + "<Cc><RFC2822Address>nobody@mms.example.org</RFC2822Address></Cc>"));
        Document d = xml(r.body());
        assertEquals("2003", mm7(d, "StatusCode"), r.body());
        assertEquals("Address Not Found", mm7(d, "StatusText"));
        assertTrue(mm7(d, "Details").contains("NUMBER '447700955009': no such subscriber"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    /** The directory's answer for a submit's recipients is kept for a moment; a change through the admin API is not. */
    @Test
    void aDirectoryChangeAppliesToTheNextSubmit() {
        String number = "447700955061";
        String to = "<To><Number>" + number + "</Number></To>";
        assertEquals("2003", mm7(xml(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, to)).body()),
                "StatusCode"), "not registered yet");
        Gateway.subscriber(number, "ACTIVE");
        assertEquals("1000", mm7(xml(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, to)).body()),
                "StatusCode"), "registered just now");
        Gateway.subscriber(number, "BARRED");
        assertEquals("2003", mm7(xml(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, to)).body()),
                "StatusCode"), "barred just now");
        assertEquals(204, Gateway.admin("DELETE", "/api/directory/subscribers/" + number, null).statusCode());
        Gateway.serveRange("44770095506", true);
        assertEquals("1000", mm7(xml(Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp, to)).body()),
                "StatusCode"), "removed from the directory, in a range opened just now");
    }

    @Test
    void directoryAdministrationValidatesItsInput() {
        assertEquals(400, Gateway.admin("POST", "/api/directory/number-ranges",
                "{\"prefix\":\"+44-77\",\"open\":true}").statusCode());
        assertEquals(409, Gateway.admin("POST", "/api/directory/number-ranges",
                "{\"prefix\":\"" + CLOSED + "\",\"open\":true}").statusCode());
        assertEquals(400, Gateway.admin("POST", "/api/directory/mail-domains", "{\"domain\":\"not a domain\"}")
                .statusCode());
        HttpResponse<String> outside = Gateway.admin("POST", "/api/directory/subscribers",
                "{\"address\":\"33612345678\",\"state\":\"ACTIVE\"}");
        assertEquals(400, outside.statusCode());
        assertEquals("33612345678 is in no served number range or mail domain",
                Json.createReader(new java.io.StringReader(outside.body())).readObject().getString("error"));
        assertEquals(400, Gateway.admin("POST", "/api/directory/subscribers",
                "{\"address\":\"447700955005\",\"state\":\"SLEEPING\"}").statusCode());
        assertEquals(404, Gateway.admin("GET", "/api/directory/subscribers/447700955999", null).statusCode());

        JsonObject barred = (JsonObject) Gateway.adminJson("/api/directory/subscribers/+447700955003");
        assertEquals("BARRED", barred.getString("state"));
        List<String> prefixes = Gateway.adminJson("/api/directory/number-ranges").asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("prefix")).toList();
        assertTrue(prefixes.contains(CLOSED), prefixes.toString());
    }
}
