package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Requests the gateway must refuse, each with its own answer, and with nothing stored. */
class SubmitRefusalIT {
    private static Gateway.Vasp vasp;
    private static Gateway.Vasp other;

    @BeforeAll
    static void registerVasps() {
        vasp = Gateway.newVasp();
        other = Gateway.newVasp();
    }

    @Test
    void wrongPasswordIsHttp401() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.post(vasp.login(), vasp.password() + "x", "text/xml",
                Envelopes.submit(tx, vasp, "<To><Number>447700900301</Number></To>").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), r.headers().toString());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void noCredentialsIsHttp401() {
        HttpResponse<String> r = Gateway.post(null, null, "text/xml",
                Envelopes.submit("tx-none", vasp, "<To><Number>447700900302</Number></To>").getBytes(StandardCharsets.UTF_8));
        assertEquals(401, r.statusCode());
    }

    @Test
    void anAdministratorIsNoVasp() {
        HttpResponse<String> r = Gateway.post(Gateway.ADMIN_USER, Gateway.ADMIN_PASSWORD, "text/xml",
                Envelopes.submit("tx-admin", vasp, "<To><Number>447700900303</Number></To>").getBytes(StandardCharsets.UTF_8));
        // the MM7 endpoint checks VASP accounts only (WildFly: the VASP realm; Payara: GatewayAuthModule, kind vasp)
        assertEquals(401, r.statusCode(), "admin accounts are no VASP accounts");
    }

    @Test
    void anotherVaspsIdIsImproperIdentification() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, other.vaspId(), other.vasId(), "svc",
                "<To><Number>447700900304</Number></To>"));
        Document d = assertRsError(r, "4001", "Client");
        assertTrue(mm7(d, "Details").contains(other.vaspId()), r.body());
        assertEquals(tx, mm7(d, "TransactionID"), "TransactionID echoed in the fault");
        assertEquals(0, Gateway.messagesOfTransaction(other.vaspId(), tx).size());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aVaspIdNoVaspCanHaveIsImproperIdentificationToo() {
        // the VASPID as the request claims it is compared with the account's, not parsed: a text no VASP ID can be
        // (with spaces, longer than 64 characters) is refused like another VASP's, with the claim in the details
        for (String claimed : java.util.List.of("not a vasp id", "v".repeat(65))) {
            String tx = Gateway.unique("tx");
            HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, claimed, vasp.vasId(), "svc",
                    "<To><Number>447700900304</Number></To>"));
            Document d = assertRsError(r, "4001", "Client");
            assertTrue(mm7(d, "Details").contains(claimed), r.body());
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        }
        // and the admin API knows no VASP by such a text (404, as for any unknown VASP ID)
        assertEquals(404, Gateway.admin("GET", "/api/vasps/not%20a%20vasp%20id", null).statusCode());
        assertEquals(404, Gateway.admin("GET", "/api/vasps/" + "v".repeat(65), null).statusCode());
    }

    @Test
    void anotherVaspsServiceIsImproperIdentification() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp.vaspId(), other.vasId(), "svc",
                "<To><Number>447700900305</Number></To>"));
        assertRsError(r, "4001", "Client");
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aSuspendedVaspIsDeniedService() {
        Gateway.Vasp suspended = Gateway.newVasp();
        assertEquals(200, Gateway.admin("POST", "/api/vasps/" + suspended.vaspId() + "/suspend", null).statusCode());
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(suspended, Envelopes.submit(tx, suspended,
                "<To><Number>447700900306</Number></To>"));
        assertRsError(r, "4007", "Client");
        assertEquals(0, Gateway.messagesOfTransaction(suspended.vaspId(), tx).size());

        assertEquals(200, Gateway.admin("POST", "/api/vasps/" + suspended.vaspId() + "/resume", null).statusCode());
        HttpResponse<String> again = Gateway.postSoap(suspended, Envelopes.submit(tx, suspended,
                "<To><Number>447700900306</Number></To>"));
        assertEquals("1000", mm7(xml(again.body()), "StatusCode"), again.body());
    }

    @Test
    void malformedXmlIsASoapFaultAndStoresNothing() {
        String tx = Gateway.unique("tx");
        String broken = Envelopes.submit(tx, vasp, "<To><Number>447700900307</Number></To>")
                .replace("</SubmitReq>", "</SubmitRequest>");
        HttpResponse<String> r = Gateway.postSoap(vasp, broken);
        Document d = assertRsError(r, "4004", "Client");
        assertTrue(mm7(d, "Details").contains("line"), "the parser's position in Details: " + r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aMissingTransactionIdIsAValidationError() {
        String noHeader = Envelopes.submit("x", vasp, "<To><Number>447700900308</Number></To>")
                .replaceAll("(?s)<env:Header>.*</env:Header>", "");
        assertRsError(Gateway.postSoap(vasp, noHeader), "4004", "Client");
    }

    @Test
    void aBadExpiryDateIsMessageFormatCorrupt() {
        String tx = Gateway.unique("tx");
        String bad = Envelopes.submit(tx, vasp, "<To><Number>447700900309</Number></To>")
                .replace("<ExpiryDate>P1D</ExpiryDate>", "<ExpiryDate>tomorrow</ExpiryDate>");
        HttpResponse<String> r = Gateway.postSoap(vasp, bad);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2007", mm7(xml(r.body()), "StatusCode"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aSubjectLongerThanTheGatewayKeepsIsMessageFormatCorruptNotAServerError() {
        String tx = Gateway.unique("tx");
        String bad = Envelopes.submit(tx, vasp, "<To><Number>447700900310</Number></To>")
                .replace("<Subject>Today's forecast</Subject>", "<Subject>" + "s".repeat(1001) + "</Subject>");
        HttpResponse<String> r = Gateway.postSoap(vasp, bad);
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("2007", mm7(d, "StatusCode"), r.body());
        assertTrue(mm7(d, "Details").contains("Subject has 1001 characters"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());

        String longest = Gateway.unique("tx");
        HttpResponse<String> ok = Gateway.postSoap(vasp, Envelopes.submit(longest, vasp,
                "<To><Number>447700900310</Number></To>").replace("<Subject>Today's forecast</Subject>",
                "<Subject>" + "s".repeat(1000) + "</Subject>"));
        assertEquals("1000", mm7(xml(ok.body()), "StatusCode"), "1000 characters are kept: " + ok.body());
    }

    @Test
    void aTransactionIdLongerThanTheGatewayKeepsIsMessageFormatCorrupt() {
        String tx = "t".repeat(257);
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>447700900311</Number></To>"));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("2007", mm7(d, "StatusCode"), r.body());
        assertTrue(mm7(d, "Details").contains("TransactionID has 257 characters"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void anEmailRecipientLongerThanAnAddressMayBeIsRefusedAndTheOthersDelivered() throws Exception {
        String tooLong = "a".repeat(60) + "@" + ("d".repeat(60) + ".").repeat(3) + "mms.example.org";
        assertTrue(tooLong.length() > 254);
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp,
                "<To><Number>447700900312</Number><RFC2822Address>" + tooLong + "</RFC2822Address></To>"));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1100", mm7(d, "StatusCode"), r.body());
        assertTrue(mm7(d, "Details").contains("254 characters"), r.body());
        // accepted for the number alone (before, the whole list was answered 1000 with an address no recipient row holds)
        Gateway.awaitMessage(mm7(d, "MessageID"), m -> m.getString("state").equals("DISTRIBUTED"),
                java.time.Duration.ofSeconds(30));
    }

    static Document assertRsError(HttpResponse<String> r, String statusCode, String faultCode) {
        assertEquals(500, r.statusCode(), r.body());
        Document d = xml(r.body());
        Element fault = Gateway.first(d, Gateway.SOAP_ENV, "Fault");
        assertNotNull(fault, r.body());
        assertTrue(fault.getElementsByTagName("faultcode").item(0).getTextContent().endsWith(":" + faultCode), r.body());
        assertNotNull(Gateway.first(d, Gateway.NS, "RSErrorRsp"), r.body());
        assertEquals(statusCode, mm7(d, "StatusCode"), r.body());
        return d;
    }
}
