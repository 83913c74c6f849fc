package mm7gw.it;

import static mm7gw.it.Gateway.first;
import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** MM7_submit end to end: real SOAP over HTTP, the database, the JMS queue and the MDB. */
class SubmitIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    @Test
    void reportsWhichDatabaseRan() {
        JsonObject info = (JsonObject) Gateway.adminJson("/api/system");
        String product = info.getString("database");
        System.out.println("MM7 integration tests ran on database: " + product + " " + info.getString("databaseVersion")
                + " (" + info.getString("jdbcUrl") + ")");
        String expected = System.getProperty("mm7.db.kind", "");
        assertTrue(product.toLowerCase(Locale.ROOT).contains(expected), "expected " + expected + " but ran on " + product);
    }

    @Test
    void acceptedSubmitIsStoredChargedAndDistributedByTheMdb() throws Exception {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>+44 7700 900123</Number><RFC2822Address>ann@example.net</RFC2822Address></To>"
                        + "<Bcc><Number>447700900124</Number></Bcc>"));

        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"));
        assertEquals("Success", mm7(d, "StatusText"));
        assertEquals("6.8.0", mm7(d, "MM7Version"));
        Element echoed = first(d, Gateway.NS, "TransactionID");
        assertNotNull(echoed, "TransactionID must be echoed");
        assertEquals(tx, echoed.getTextContent());
        assertEquals("1", echoed.getAttributeNS(Gateway.SOAP_ENV, "mustUnderstand"));
        String messageId = mm7(d, "MessageID");
        assertTrue(messageId != null && !messageId.isBlank(), r.body());

        JsonObject stored = Gateway.message(messageId);
        assertEquals(vasp.vaspId(), stored.getString("vaspId"));
        assertEquals(vasp.vasId(), stored.getString("vasId"));
        assertEquals(tx, stored.getString("transactionId"));
        assertEquals("4455", stored.getString("sender"));
        assertEquals("HIGH", stored.getString("priority"));
        assertEquals("Today's forecast", stored.getString("subject"));
        assertFalse(stored.isNull("expiryDate"), "relative ExpiryDate P1D resolved");

        JsonObject distributed = Gateway.awaitMessage(messageId, m -> m.getString("state").equals("DISTRIBUTED"),
                Duration.ofSeconds(30));
        JsonArray recipients = distributed.getJsonArray("recipients");
        assertEquals(Set.of("447700900123", "ann@example.net", "447700900124"), recipients.stream()
                .map(v -> v.asJsonObject().getString("address")).collect(Collectors.toSet()));
        for (JsonValue v : recipients) {
            JsonObject rcpt = v.asJsonObject();
            assertEquals("DELIVERED", rcpt.getString("state"));
            assertEquals(1, rcpt.getJsonArray("attempts").size(), "one delivery attempt recorded by the MDB: " + rcpt);
        }

        JsonArray events = Gateway.chargingEvents(messageId);
        List<String> types = events.stream().map(v -> v.asJsonObject().getString("recordType")).sorted().toList();
        assertEquals(List.of("MM7_SUBMIT", "RECIPIENT_DELIVERY", "RECIPIENT_DELIVERY", "RECIPIENT_DELIVERY"), types);
        JsonObject submit = events.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("recordType").equals("MM7_SUBMIT")).findFirst().orElseThrow();
        assertEquals(1000, submit.getInt("statusCode"));
        assertEquals("svc-" + tx, submit.getString("serviceCode"));
        assertEquals(3, submit.getInt("recipientCount"));
        assertEquals(vasp.vaspId(), submit.getString("vaspId"));
    }

    @Test
    void someMalformedRecipientsGivePartialSuccessWithDetails() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>447700900200</Number><Number>12ab</Number></To>"));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1100", mm7(d, "StatusCode"));
        assertTrue(mm7(d, "Details").contains("12ab"), r.body());
        assertEquals(1, Gateway.message(mm7(d, "MessageID")).getInt("recipientCount"));
    }

    @Test
    void noValidRecipientIsAnAddressErrorAndStoresNothing() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, "<To><Number>xyz</Number></To>"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2002", mm7(xml(r.body()), "StatusCode"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void theWsdlIsPublishedWithoutCredentials() {
        HttpResponse<String> r = Gateway.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Gateway.MM7 + "?wsdl")).GET().build());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("MM7RelayServerPortType"), r.body());
    }
}
