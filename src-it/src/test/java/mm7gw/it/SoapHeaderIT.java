package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** SOAP header semantics (SOAP 1.1 §4.2.3) and the HTTP Authorization header read strictly. */
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

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64!!!", "Basic", "Basic bm8tY29sb24=", "Basic ===="})
    void aMalformedAuthorizationIsA401WithAChallenge(String authorization) {
        HttpRequest request = HttpRequest.newBuilder(Gateway.MM7).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(Envelopes.submit(Gateway.unique("tx"), vasp,
                        "<To><Number>447700902302</Number></To>"), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> r = Gateway.send(request);
        assertEquals(401, r.statusCode(), authorization + " -> " + r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent(), r.headers().toString());
    }
}
