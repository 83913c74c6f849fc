package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import mm7gw.status.StatusCode;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class InboundReaderTest {
    private static final String CANON = Mm7Release.CANONICAL.namespace();

    private static String submit(String ns, String version, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                 <soapenv:Header><mm7:TransactionID xmlns:mm7="%1$s" soapenv:mustUnderstand="1">
                   t-42 </mm7:TransactionID></soapenv:Header>
                 <soapenv:Body><mm7:SubmitReq xmlns:mm7="%1$s"><mm7:MM7Version>%2$s</mm7:MM7Version>
                  <mm7:SenderIdentification><mm7:VASID> svc </mm7:VASID></mm7:SenderIdentification>
                  <mm7:Recipients><mm7:To><mm7:Number displayOnly="False">1</mm7:Number></mm7:To></mm7:Recipients>
                  %3$s</mm7:SubmitReq></soapenv:Body></soapenv:Envelope>""".formatted(ns, version, extra);
    }

    private static final SchemaVocabulary VOCABULARY = vocabulary();

    private static SchemaVocabulary vocabulary() {
        try (var xsd = java.nio.file.Files.newInputStream(java.nio.file.Path.of("src/main/webapp/WEB-INF/wsdl/REL-6-MM7-1-4.xsd"))) {
            return SchemaVocabulary.read(xsd);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InboundReader reader() {
        return new InboundReader(Set.of("SubmitReq", "CancelReq", "ReplaceReq"), VOCABULARY);
    }

    @Test
    void ignoresElementsTheSchemaDoesNotDeclare() throws Exception {
        InboundReader.Result result = reader().read("text/xml", utf8(submit(CANON, "6.8.0",
                "<mm7:PreferredChannels><mm7:Channel>mms</mm7:Channel></mm7:PreferredChannels>"
                        + "<mm7:Subject>kept</mm7:Subject><mm7:MessageExtraData>x</mm7:MessageExtraData>")));
        Document d = Xml.parse(result.canonicalEnvelope(), null);
        assertEquals(0, d.getElementsByTagNameNS(CANON, "PreferredChannels").getLength());
        assertEquals(0, d.getElementsByTagNameNS(CANON, "MessageExtraData").getLength());
        assertEquals("kept", d.getElementsByTagNameNS(CANON, "Subject").item(0).getTextContent());
        assertTrue(VOCABULARY.declares("SubmitReq") && VOCABULARY.declares("DeliveryCondition"));
        assertTrue(result.inbound().problems().isEmpty());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mapsAnOlderReleaseToTheCanonicalNamespaceAndNormalisesValues() throws Exception {
        String old = Mm7Release.REL_5_MM7_1_0.namespace();
        InboundReader r = reader();
        InboundReader.Result result = r.read("text/xml", utf8(submit(old, "5.3.0",
                "<mm7:EarlistDeliveryTime>PT1H</mm7:EarlistDeliveryTime><mm7:DeliveryReport>True</mm7:DeliveryReport>"
                        + "<mm7:Priority>high</mm7:Priority>")));
        assertEquals(Mm7Release.REL_5_MM7_1_0, result.inbound().release());
        assertEquals("5.3.0", result.inbound().mm7Version());
        assertEquals("t-42", r.transactionId());
        assertTrue(result.inbound().problems().isEmpty(), result.inbound().problems().toString());
        Document d = Xml.parse(result.canonicalEnvelope(), null);
        assertEquals(0, d.getElementsByTagNameNS(old, "*").getLength());
        assertEquals("true", d.getElementsByTagNameNS(CANON, "DeliveryReport").item(0).getTextContent());
        assertEquals("High", d.getElementsByTagNameNS(CANON, "Priority").item(0).getTextContent());
        assertEquals("PT1H", d.getElementsByTagNameNS(CANON, "EarliestDeliveryTime").item(0).getTextContent());
        assertEquals("svc", d.getElementsByTagNameNS(CANON, "VASID").item(0).getTextContent());
        assertEquals("false", ((org.w3c.dom.Element) d.getElementsByTagNameNS(CANON, "Number").item(0)).getAttribute("displayOnly"));
    }

    @Test
    void listsValuesThatStayWrongAsFormatProblems() throws Exception {
        InboundReader.Result result = reader().read("text/xml", utf8(submit(CANON, "6.8.0",
                "<mm7:TimeStamp>noon</mm7:TimeStamp><mm7:Priority>Urgent</mm7:Priority><mm7:ReadReply>perhaps</mm7:ReadReply>")));
        InboundMm7 in = result.inbound();
        assertEquals(3, in.problems().size());
        assertTrue(in.problems().stream().allMatch(p -> p.status() == StatusCode.MESSAGE_FORMAT_CORRUPT));
        assertTrue(in.problems().get(1).details().contains("Urgent"));
        // the invalid values are taken out so that the JAXB reader does not fail on them before the endpoint answers
        Document d = Xml.parse(result.canonicalEnvelope(), null);
        for (String name : new String[] {"TimeStamp", "Priority", "ReadReply"}) {
            assertEquals(0, d.getElementsByTagNameNS(CANON, name).getLength(), name);
        }
    }

    @Test
    void refusesWhatIsNoMm7Request() {
        assertFault(StatusCode.UNSUPPORTED_VERSION, "urn:not-mm7", submit("urn:not-mm7", "6.8.0", ""));
        assertFault(StatusCode.UNSUPPORTED_VERSION, "4.1.0", submit(CANON, "4.1.0", ""));
        assertFault(StatusCode.VALIDATION_ERROR, "x.y.z", submit(CANON, "six", ""));
        assertFault(StatusCode.VALIDATION_ERROR, "well-formed", submit(CANON, "6.8.0", "<oops>"));
        assertFault(StatusCode.VALIDATION_ERROR, "SOAP 1.2", submit(CANON, "6.8.0", "")
                .replace("http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"));
        assertFault(StatusCode.UNSUPPORTED_OPERATION, "DeliverReq", submit(CANON, "6.8.0", "")
                .replace("SubmitReq", "DeliverReq"));
        assertFault(StatusCode.VALIDATION_ERROR, "DOCTYPE", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + submit(CANON, "6.8.0", "").substring(38));
    }

    @Test
    void anUnknownVersionIsAnsweredInTheCallersNamespaceWithItsTransactionId() {
        InboundReader r = reader();
        assertThrows(WireFault.class, () -> r.read("text/xml", utf8(submit(Mm7Release.REL_6_MM7_1_1.namespace(), "9.0.0", ""))));
        assertEquals(Mm7Release.REL_6_MM7_1_1, r.release());
        assertEquals("6.4.0", r.mm7Version());
        assertEquals("t-42", r.transactionId());
    }

    @Test
    void takesTheReferencedContentFromAMultipartRequest() throws Exception {
        String envelope = submit(CANON, "6.8.0", "<mm7:Content href=\"cid:body\"/>");
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xff};
        byte[] body = concat(utf8("--x\r\nContent-Type: text/xml; charset=utf-8\r\nContent-ID: <env>\r\n\r\n" + envelope
                + "\r\n--x\r\nContent-Type: image/png\r\nContent-ID: body\r\nContent-Transfer-Encoding: binary\r\n\r\n"),
                image, utf8("\r\n--x--\r\n"));
        InboundMm7 in = reader().read("multipart/related; type=\"text/xml\"; boundary=\"x\"; start=env", body).inbound();
        assertEquals("image/png", in.content().contentType());
        assertArrayEquals(image, in.content().body());
        assertTrue(in.problems().isEmpty());
    }

    @Test
    void aDanglingReferenceIsContentRefused() throws Exception {
        InboundMm7 in = reader().read("text/xml", utf8(submit(CANON, "6.8.0", "<mm7:Content href=\"cid:gone\"/>"))).inbound();
        assertNull(in.content());
        assertEquals(StatusCode.CONTENT_REFUSED, in.problems().get(0).status());
    }

    /** A canonical request in form, as a well-behaved VASP sends it: nothing for the reader to change. */
    private static String clean(String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                 <soapenv:Header><mm7:TransactionID xmlns:mm7="%1$s" soapenv:mustUnderstand="1">t-42</mm7:TransactionID>
                 </soapenv:Header>
                 <soapenv:Body><mm7:SubmitReq xmlns:mm7="%1$s"><mm7:MM7Version>6.8.0</mm7:MM7Version>
                  <mm7:SenderIdentification><mm7:VASID>svc</mm7:VASID></mm7:SenderIdentification>
                  <mm7:Recipients><mm7:To><mm7:Number displayOnly="false">1</mm7:Number></mm7:To></mm7:Recipients>
                  <mm7:DeliveryReport>true</mm7:DeliveryReport><mm7:Priority>High</mm7:Priority>%2$s
                 </mm7:SubmitReq></soapenv:Body></soapenv:Envelope>""".formatted(CANON, extra);
    }

    @Test
    void anEnvelopeInFormGoesOnAsReceivedAndIsNotWrittenAgain() throws Exception {
        byte[] received = utf8(clean("<mm7:Subject> spaces kept </mm7:Subject>"));
        InboundReader.Result result = reader().read("text/xml; charset=utf-8", received);
        assertTrue(result.inbound().problems().isEmpty(), result.inbound().problems().toString());
        assertSame(received, result.canonicalEnvelope());
        // without a charset on the transport, the XML declaration (or its absence) says UTF-8
        assertSame(received, reader().read("text/xml", received).canonicalEnvelope());
    }

    @Test
    void anEnvelopeTheReaderChangedIsWrittenFromItsDocument() throws Exception {
        // each of these makes the reader change the document: trimming, case, misspelling, unknown element,
        // a boolean written as 1, an unqualified child, a ReplyCharging child element
        for (String change : List.of("<mm7:ExpiryDate> PT1H </mm7:ExpiryDate>", "<mm7:MessageClass>personal</mm7:MessageClass>",
                "<mm7:EarlistDeliveryTime>PT1H</mm7:EarlistDeliveryTime>", "<mm7:Unknown>x</mm7:Unknown>",
                "<mm7:ReadReply>1</mm7:ReadReply>", "<Subject xmlns=\"\">s</Subject>",
                "<mm7:ReplyCharging><mm7:ReplyChargingSize>10</mm7:ReplyChargingSize></mm7:ReplyCharging>")) {
            byte[] received = utf8(clean(change));
            byte[] written = reader().read("text/xml", received).canonicalEnvelope();
            assertFalse(java.util.Arrays.equals(received, written), change);
            assertEquals(0, Xml.parse(written, null).getElementsByTagNameNS("", "*").getLength(), change);
        }
    }

    @Test
    void anotherReleaseOrCharsetIsWrittenAgainAsCanonicalUtf8() throws Exception {
        String old = clean("").replace(CANON, Mm7Release.REL_5_MM7_1_0.namespace()).replace("6.8.0", "5.3.0");
        assertFalse(java.util.Arrays.equals(utf8(old), reader().read("text/xml", utf8(old)).canonicalEnvelope()));

        String latin = clean("<mm7:Subject>caf\u00e9</mm7:Subject>").replace("UTF-8", "ISO-8859-1");
        byte[] written = reader().read("text/xml", latin.getBytes(StandardCharsets.ISO_8859_1)).canonicalEnvelope();
        assertEquals("caf\u00e9", Xml.parse(written, "UTF-8").getElementsByTagNameNS(CANON, "Subject").item(0).getTextContent());

        byte[] undeclared = clean("<mm7:Subject>caf\u00e9</mm7:Subject>").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        written = reader().read("text/xml; charset=iso-8859-1", undeclared).canonicalEnvelope();
        assertEquals("caf\u00e9", Xml.parse(written, "UTF-8").getElementsByTagNameNS(CANON, "Subject").item(0).getTextContent());

        byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(clean("")));
        assertFalse(java.util.Arrays.equals(bom, reader().read("text/xml", bom).canonicalEnvelope()));
    }

    private static void assertFault(StatusCode status, String detail, String request) {
        WireFault f = assertThrows(WireFault.class, () -> reader().read("text/xml; charset=utf-8", utf8(request)));
        assertEquals(status, f.status(), f.details());
        assertTrue(f.details().contains(detail), f.details());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
