package mm7gw.it;

import static mm7gw.it.Gateway.first;
import static mm7gw.it.Gateway.namespace;
import static mm7gw.it.Gateway.text;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every MM7 release a VASP may speak, over raw HTTP with hand-written SOAP: the request is accepted and
 * answered in the caller's own namespace and MM7Version, with its TransactionID echoed. Unknown namespaces
 * and versions get 4002.
 */
class VersionsIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    @ParameterizedTest(name = "{0} with MM7Version {1}, SOAPAction {2}")
    @CsvSource(nullValues = "ABSENT", value = {
            "REL-5-MM7-1-0, 5.3.0, '\"\"'",
            "REL-5-MM7-1-1, 5.5.0, ABSENT",
            "REL-5-MM7-1-2, 5.3.0, ''",
            "REL-5-MM7-1-3, 5.8.0, '\"http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-3\"'",
            "REL-5-MM7-1-4, 5.10.0, '\"\"'",
            "REL-5-MM7-1-5, 5.10.0, '\"\"'",
            "REL-6-MM7-1-0, 6.3.0, '\"\"'",
            "REL-6-MM7-1-1, 6.4.0, '\"Submit\"'",
            "REL-6-MM7-1-2, 6.5.0, ABSENT",
            "REL-6-MM7-1-3, 6.6.0, '\"\"'",
            "REL-6-MM7-1-4, 6.8.0, '\"\"'",
            "REL-6-MM7-1-4, 6.7.0, '\"\"'"})
    void submitIsAnsweredInTheCallersNamespaceAndVersion(String release, String version, String soapAction) {
        String ns = namespace(release);
        String tx = Gateway.unique("tx-" + release);
        HttpResponse<String> r = Gateway.post(vasp, "text/xml; charset=utf-8", Envelopes.submitIn(ns, version, tx, vasp,
                "<mm7:To><mm7:Number>447700900401</mm7:Number></mm7:To>", "").getBytes(StandardCharsets.UTF_8), soapAction);

        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        Element rsp = first(d, ns, "SubmitRsp");
        assertNotNull(rsp, "SubmitRsp in " + ns + ": " + r.body());
        assertEquals(version, text(d, ns, "MM7Version"), r.body());
        assertEquals("1000", text(d, ns, "StatusCode"), r.body());
        Element echoed = first(d, ns, "TransactionID");
        assertNotNull(echoed, "TransactionID echoed in the caller's namespace: " + r.body());
        assertEquals(tx, echoed.getTextContent(), "echoed trimmed, verbatim");
        assertEquals("1", echoed.getAttributeNS(Gateway.SOAP_ENV, "mustUnderstand"));
        if (!release.equals("REL-6-MM7-1-4")) {
            assertEquals(0, d.getElementsByTagNameNS(Gateway.NS, "*").getLength(),
                    "nothing in the canonical namespace: " + r.body());
        }
        String messageId = text(d, ns, "MessageID");
        assertEquals(tx, Gateway.message(messageId).getString("transactionId"));
    }

    @ParameterizedTest(name = "namespace {0}")
    @CsvSource({
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-6-7",
            "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-7-MM7-1-0",
            "urn:example:not-mm7"})
    void anUnknownNamespaceIsUnsupportedVersion(String ns) {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitIn(ns, "6.8.0", tx, vasp,
                "<mm7:To><mm7:Number>447700900402</mm7:Number></mm7:To>", ""));
        Document d = SubmitRefusalIT.assertRsError(r, "4002", "Client");
        assertEquals("Unsupported version", Gateway.mm7(d, "StatusText"));
        assertTrue(Gateway.mm7(d, "Details").contains(ns), r.body());
        assertEquals(tx, Gateway.mm7(d, "TransactionID"), "TransactionID echoed (canonical namespace)");
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @ParameterizedTest(name = "MM7Version {0}")
    @CsvSource({"4.1.0", "5.2.0", "7.0.0"})
    void anUnsupportedVersionIsAnsweredInTheCallersNamespace(String version) {
        String ns = namespace("REL-5-MM7-1-2");
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submitIn(ns, version, tx, vasp,
                "<mm7:To><mm7:Number>447700900403</mm7:Number></mm7:To>", ""));
        assertEquals(500, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertNotNull(first(d, ns, "RSErrorRsp"), r.body());
        assertEquals("4002", text(d, ns, "StatusCode"));
        assertTrue(text(d, ns, "Details").contains(version), r.body());
        assertEquals("5.6.0", text(d, ns, "MM7Version"), "the version that goes with REL-5-MM7-1-2");
        assertEquals(tx, text(d, ns, "TransactionID"));
        assertTrue(d.getElementsByTagName("faultcode").item(0).getTextContent().endsWith(":Client"));
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void aMalformedOrMissingVersionIsAValidationError() {
        String tx = Gateway.unique("tx");
        SubmitRefusalIT.assertRsError(Gateway.postSoap(vasp, Envelopes.submitIn(Gateway.NS, "six", tx, vasp,
                "<mm7:To><mm7:Number>447700900404</mm7:Number></mm7:To>", "")), "4004", "Client");
        String noVersion = Envelopes.submitIn(Gateway.NS, "6.8.0", tx, vasp,
                "<mm7:To><mm7:Number>447700900404</mm7:Number></mm7:To>", "").replace("<mm7:MM7Version>6.8.0</mm7:MM7Version>", "");
        Document d = SubmitRefusalIT.assertRsError(Gateway.postSoap(vasp, noVersion), "4004", "Client");
        assertTrue(Gateway.mm7(d, "Details").contains("MM7Version"));
    }

    @Test
    void cancelInAnOlderNamespaceIsAnsweredInThatNamespace() {
        String ns = namespace("REL-5-MM7-1-0");
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.cancelIn(ns, "5.3.0", tx, vasp, "no-such-message"));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertNotNull(first(d, ns, "CancelRsp"), r.body());
        assertEquals("2005", text(d, ns, "StatusCode"), r.body());
        assertEquals("5.3.0", text(d, ns, "MM7Version"));
        assertEquals(tx, text(d, ns, "TransactionID"));
        assertEquals(0, d.getElementsByTagNameNS(Gateway.NS, "*").getLength(), r.body());
    }

    @Test
    void cancelOfAMessageSubmittedInAnotherReleaseWorksAcrossReleases() {
        String submitNs = namespace("REL-6-MM7-1-0");
        HttpResponse<String> submitted = Gateway.postSoap(vasp, Envelopes.submitIn(submitNs, "6.3.0", Gateway.unique("tx"),
                vasp, "<mm7:To><mm7:Number>447700900406</mm7:Number></mm7:To>", ""));
        String messageId = text(xml(submitted.body()), submitNs, "MessageID");
        String ns = namespace("REL-5-MM7-1-3");
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.cancelIn(ns, "5.8.0", tx, vasp, messageId));
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertNotNull(first(d, ns, "CancelRsp"), r.body());
        assertEquals("1000", text(d, ns, "StatusCode"), r.body());
        assertEquals(tx, text(d, ns, "TransactionID"));
    }

    @Test
    void anOperationTheRelayServerDoesNotOfferIsUnsupportedOperation() {
        String ns = namespace("REL-6-MM7-1-3");
        String tx = Gateway.unique("tx");
        String deliver = Envelopes.submitIn(ns, "6.6.0", tx, vasp, "<mm7:To><mm7:Number>447700900405</mm7:Number></mm7:To>", "")
                .replace("SubmitReq", "DeliverReq");
        HttpResponse<String> r = Gateway.postSoap(vasp, deliver);
        assertEquals(500, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("4003", text(d, ns, "StatusCode"), r.body());
        assertTrue(text(d, ns, "Details").contains("DeliverReq"));
        assertFalse(r.body().contains("Exception"), r.body());
    }
}
