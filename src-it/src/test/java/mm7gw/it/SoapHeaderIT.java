package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** SOAP header semantics (SOAP 1.1 §4.2.3). */
class SoapHeaderIT {
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void register() {
        vasp = Gateway.newVasp();
    }

    /** A submit with one more header block after TransactionID. */
    private static String withHeader(String tx, String block) {
        return Envelopes.submit(tx, vasp, "<To><Number>447700902301</Number></To>")
                .replace("</env:Header>", block + "</env:Header>");
    }

    @Test
    void anUnknownBlockThatMustBeUnderstoodIsAMustUnderstandFault() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, withHeader(tx,
                "<x:Tracking xmlns:x=\"urn:example:tracking\" env:mustUnderstand=\"1\">abc</x:Tracking>"));
        assertEquals(500, r.statusCode(), r.body());
        Document d = xml(r.body());
        String faultcode = d.getElementsByTagName("faultcode").item(0).getTextContent().trim();
        assertTrue(faultcode.endsWith(":MustUnderstand"), r.body());
        String prefix = faultcode.substring(0, faultcode.indexOf(':'));
        assertEquals(SOAP, d.getDocumentElement().lookupNamespaceURI(prefix), r.body());
        String faultstring = d.getElementsByTagName("faultstring").item(0).getTextContent();
        assertTrue(faultstring.contains("Tracking") && faultstring.contains("urn:example:tracking"), r.body());
        assertNull(mm7(d, "StatusCode"), "no RSErrorRsp: the fault is about a header, not the body");
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void unknownBlocksThatNeedNotBeUnderstoodOrAreForAnotherActorAreIgnored() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, withHeader(tx,
                "<x:Tracking xmlns:x=\"urn:example:tracking\">abc</x:Tracking>"
                        + "<x:Routing xmlns:x=\"urn:example:tracking\" env:mustUnderstand=\"0\">r</x:Routing>"
                        + "<x:Hop xmlns:x=\"urn:example:tracking\" env:mustUnderstand=\"1\" env:actor=\"urn:example:proxy\">h</x:Hop>"));
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }
}
