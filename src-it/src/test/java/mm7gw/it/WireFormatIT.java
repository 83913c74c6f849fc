package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * What the gateway takes from the wire and what it refuses: lenient about the quirks real VASPs send, exact
 * about everything it cannot read, and never answering with a stack trace or a fault without RSErrorRsp.
 */
class WireFormatIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    private static String submit(String tx) {
        return Envelopes.submit(tx, vasp, "<To><Number>447700900601</Number></To>");
    }

    @Test
    void peerQuirksAreAccepted() {
        String tx = Gateway.unique("tx");
        // unqualified children under a prefixed request element, a misspelt element, lower-case enumeration,
        // 1/0 and True booleans, padded values, elements out of schema order, SOAPAction with the namespace
        String quirky = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                 <soap:Header><m:TransactionID xmlns:m="%1$s" soap:mustUnderstand="1">%2$s</m:TransactionID></soap:Header>
                 <soap:Body>
                  <m:SubmitReq xmlns:m="%1$s">
                   <MM7Version> 5.3.0 </MM7Version>
                   <SenderIdentification><VASPID> %3$s </VASPID><VASID>%4$s</VASID></SenderIdentification>
                   <Recipients><To><Number displayOnly="False"> 447700900602 </Number></To></Recipients>
                   <Priority>low</Priority>
                   <MessageClass>personal</MessageClass>
                   <EarlistDeliveryTime>PT2H</EarlistDeliveryTime>
                   <DeliveryReport>1</DeliveryReport>
                   <ReadReply>FALSE</ReadReply>
                  </m:SubmitReq>
                 </soap:Body>
                </soap:Envelope>
                """.formatted(Gateway.namespace("REL-5-MM7-1-0"), tx, vasp.vaspId(), vasp.vasId());
        HttpResponse<String> r = Gateway.post(vasp, "text/xml", quirky.getBytes(StandardCharsets.UTF_8),
                "\"" + Gateway.namespace("REL-5-MM7-1-0") + "\"");
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        String ns = Gateway.namespace("REL-5-MM7-1-0");
        assertEquals("1000", Gateway.text(d, ns, "StatusCode"), r.body());
        JsonObject stored = Gateway.message(Gateway.text(d, ns, "MessageID"));
        assertEquals("LOW", stored.getString("priority"));
        assertEquals("PERSONAL", stored.getString("messageClass"));
        assertFalse(stored.isNull("earliestDeliveryTime"), "EarlistDeliveryTime read as EarliestDeliveryTime");
    }

    @Test
    void theSubjectIsStoredAsSentWhateverTheCharset() {
        String subject = "Gr\u00fc\u00dfe aus K\u00f6ln";
        // UTF-8 and in form: the binding hands the runtime the envelope as it was received
        String utf8 = submit(Gateway.unique("tx")).replace("Today's forecast", subject);
        assertStoredSubject(subject, Gateway.post(vasp, "text/xml; charset=utf-8", utf8.getBytes(StandardCharsets.UTF_8), "\"\""));
        // ISO-8859-1, named by the XML declaration or by the transport alone: written again as UTF-8 for the runtime
        String declared = submit(Gateway.unique("tx")).replace("Today's forecast", subject)
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        assertStoredSubject(subject, Gateway.post(vasp, "text/xml", declared.getBytes(StandardCharsets.ISO_8859_1), "\"\""));
        String undeclared = submit(Gateway.unique("tx")).replace("Today's forecast", subject)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        assertStoredSubject(subject, Gateway.post(vasp, "text/xml; charset=ISO-8859-1",
                undeclared.getBytes(StandardCharsets.ISO_8859_1), "\"\""));
    }

    private static void assertStoredSubject(String subject, HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        String messageId = Gateway.accepted(r);
        assertEquals(subject, Gateway.message(messageId).getString("subject"));
    }

    @Test
    void unknownProfileElementsAreIgnored() {
        String tx = Gateway.unique("tx");
        // ZXID-style profile extensions (REFERENCE.md §5.1): ignored on input, never emitted
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(tx).replace("<ServiceCode>",
                "<PreferredChannels><Channel>mms</Channel></PreferredChannels><ServiceCode>")
                .replace("</SubmitReq>", "<MessageExtraData>x</MessageExtraData></SubmitReq>"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1000", mm7(xml(r.body()), "StatusCode"), r.body());
    }

    @Test
    void aWrongEnumerationValueIsMessageFormatCorrupt() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(tx).replace("<Priority>High</Priority>",
                "<Priority>Urgent</Priority>"));
        assertFormatCorrupt(r, tx, "Urgent");
    }

    @Test
    void aWrongBooleanOrTimeStampIsMessageFormatCorrupt() {
        String tx = Gateway.unique("tx");
        assertFormatCorrupt(Gateway.postSoap(vasp, submit(tx).replace("<DeliveryReport>true</DeliveryReport>",
                "<DeliveryReport>yes</DeliveryReport>")), tx, "DeliveryReport");
        String tx2 = Gateway.unique("tx");
        assertFormatCorrupt(Gateway.postSoap(vasp, submit(tx2).replace("<ExpiryDate>",
                "<TimeStamp>yesterday noon</TimeStamp><ExpiryDate>")), tx2, "TimeStamp");
    }

    @Test
    void aSoap12EnvelopeIsAValidationError() {
        String tx = Gateway.unique("tx");
        String soap12 = submit(tx).replace(Gateway.SOAP_ENV, "http://www.w3.org/2003/05/soap-envelope");
        HttpResponse<String> r = Gateway.post(vasp, "application/soap+xml; charset=utf-8",
                soap12.getBytes(StandardCharsets.UTF_8), null);
        Document d = SubmitRefusalIT.assertRsError(r, "4004", "Client");
        assertTrue(mm7(d, "Details").contains("SOAP 1.2"), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void whatIsNoSoapEnvelopeIsAValidationError() {
        assertValidationError("", "well-formed");
        assertValidationError("{\"SubmitReq\": {}}", "well-formed");
        assertValidationError("<SubmitReq xmlns=\"" + Gateway.NS + "\"/>", "not a SOAP 1.1 Envelope");
        assertValidationError("<env:Envelope xmlns:env=\"" + Gateway.SOAP_ENV + "\"><env:Body/></env:Envelope>",
                "no MM7 request element");
        assertValidationError("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><x>&e;</x>", "DOCTYPE");
    }

    @Test
    void aMissingSenderIdentificationIsAnsweredWithAnMm7Status() {
        String tx = Gateway.unique("tx");
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(tx).replaceAll("(?s)<SenderIdentification>.*</SenderIdentification>", ""));
        assertTrue(r.body().contains("StatusCode"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
    }

    private static void assertValidationError(String body, String detail) {
        HttpResponse<String> r = Gateway.post(vasp, "text/xml; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), "\"\"");
        Document d = SubmitRefusalIT.assertRsError(r, "4004", "Client");
        assertTrue(mm7(d, "Details").contains(detail), r.body());
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    private static void assertFormatCorrupt(HttpResponse<String> r, String tx, String detail) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("2007", mm7(d, "StatusCode"), r.body());
        assertEquals("Message format corrupt", mm7(d, "StatusText"));
        assertTrue(mm7(d, "Details").contains(detail), r.body());
        assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }
}
