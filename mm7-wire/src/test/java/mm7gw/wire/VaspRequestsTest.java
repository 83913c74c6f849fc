package mm7gw.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VaspRequestsTest {
    private static final Instant AT = Instant.parse("2026-12-04T18:13:21.123456Z");
    private static final VaspRequest.Application APP =
            new VaspRequest.Application("com.example.app", "com.example.reply", "aux & <info>");

    private static VaspRequest.DeliveryReport report(String mmStatus) {
        return new VaspRequest.DeliveryReport("msg-1", VaspRequest.Address.of("NUMBER", "+447700900123"),
                VaspRequest.Address.of("SHORT_CODE", "4455"), AT, mmStatus, null, APP);
    }

    private static Document parse(byte[] envelope) throws Exception {
        return Xml.parse(envelope, null);
    }

    private static String text(Document d, String ns, String local) {
        var l = d.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }

    @Test
    void aReportIsWrittenInTheReleasesNamespaceWithItsVersionAndTheTransactionId() throws Exception {
        Mm7Release rel = Mm7Release.REL_6_MM7_1_2;
        byte[] envelope = VaspRequests.envelope(report("Retrieved"), rel, "mm7-gateway", "out-7");
        String xml = new String(envelope, StandardCharsets.UTF_8);
        assertTrue(xml.contains("<DeliveryReportReq xmlns=\"" + rel.namespace() + "\">"), xml);
        assertFalse(xml.contains(Mm7Release.CANONICAL.namespace()), xml);
        Document d = parse(envelope);
        Element tx = (Element) d.getElementsByTagNameNS(rel.namespace(), "TransactionID").item(0);
        assertEquals("out-7", tx.getTextContent());
        assertEquals("1", tx.getAttributeNS(VaspRequests.SOAP_ENV, "mustUnderstand"));
        assertEquals("6.5.0", text(d, rel.namespace(), "MM7Version"));
        assertEquals("mm7-gateway", text(d, rel.namespace(), "MMSRelayServerID"));
        assertEquals("2026-12-04T18:13:21Z", text(d, rel.namespace(), "Date"));
        assertTrue(xml.contains("<Recipient><Number>+447700900123</Number></Recipient>"), xml);
        assertTrue(xml.contains("<Sender><ShortCode>4455</ShortCode></Sender>"), xml);
        assertEquals("Retrieved", text(d, rel.namespace(), "MMStatus"));
    }

    @Test
    void applicationAddressingGoesToRelease6OnlyInSchemaOrder() throws Exception {
        Document six = parse(VaspRequests.envelope(report("Retrieved"), Mm7Release.REL_6_MM7_1_4, "rs", "t"));
        String ns6 = Mm7Release.REL_6_MM7_1_4.namespace();
        assertEquals("com.example.app", text(six, ns6, "ApplicID"));
        assertEquals("com.example.reply", text(six, ns6, "ReplyApplicID"));
        assertEquals("aux & <info>", text(six, ns6, "AuxApplicInfo"));
        Element req = (Element) six.getElementsByTagNameNS(ns6, "DeliveryReportReq").item(0);
        assertEquals(java.util.List.of("MM7Version", "MMSRelayServerID", "MessageID", "Recipient", "Sender", "Date",
                "MMStatus", "ApplicID", "ReplyApplicID", "AuxApplicInfo"),
                Xml.children(req, null).stream().map(Element::getLocalName).toList());

        VaspRequest.ReadReply rr = new VaspRequest.ReadReply("msg-1", VaspRequest.Address.of("EMAIL", "a@b.example"),
                VaspRequest.Address.of("NUMBER", "4455"), AT, "Read", null, APP);
        Document rr6 = parse(VaspRequests.envelope(rr, Mm7Release.REL_6_MM7_1_0, "rs", "t"));
        assertEquals("com.example.reply", text(rr6, Mm7Release.REL_6_MM7_1_0.namespace(), "ReplyApplicID"));

        String ns5 = Mm7Release.REL_5_MM7_1_3.namespace();
        Document five = parse(VaspRequests.envelope(report("Retrieved"), Mm7Release.REL_5_MM7_1_3, "rs", "t"));
        assertNull(text(five, ns5, "ApplicID"));
        assertNull(text(five, ns5, "AuxApplicInfo"));
        Document rr5 = parse(VaspRequests.envelope(rr, Mm7Release.REL_5_MM7_1_3, "rs", "t"));
        assertNull(text(rr5, ns5, "ReplyApplicID"));
        assertEquals("a@b.example", text(rr5, ns5, "RFC2822Address"));
    }

    @Test
    void release5IsToldRejectedForAnUnmetDeliveryCondition() throws Exception {
        VaspRequest.DeliveryReport notMet = new VaspRequest.DeliveryReport("m", VaspRequest.Address.of("NUMBER", "1"),
                VaspRequest.Address.of("SHORT_CODE", "2"), AT, "DeliveryConditionNotMet", "why", null);
        String ns5 = Mm7Release.REL_5_MM7_1_0.namespace();
        Document five = parse(VaspRequests.envelope(notMet, Mm7Release.REL_5_MM7_1_0, "rs", "t"));
        assertEquals("Rejected", text(five, ns5, "MMStatus"));
        assertEquals("why", text(five, ns5, "StatusText"));
        assertEquals("5.3.0", text(five, ns5, "MM7Version"));
        String ns6 = Mm7Release.CANONICAL.namespace();
        Document six = parse(VaspRequests.envelope(notMet, Mm7Release.CANONICAL, "rs", "t"));
        assertEquals("DeliveryConditionNotMet", text(six, ns6, "MMStatus"));
    }

    @Test
    void aDeliverCarriesTheLinkedIdAddressesAndTheContentReference() {
        VaspRequest.Deliver deliver = new VaspRequest.Deliver("lnk-1", VaspRequest.Address.of("NUMBER", "447700900123"),
                VaspRequest.Address.of("SHORT_CODE", "4455"), AT, "msg-9", "Hi <there>", "cid:mo-text");
        String xml = new String(VaspRequests.envelope(deliver, Mm7Release.CANONICAL, "rs", "t"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<LinkedID>lnk-1</LinkedID>"), xml);
        assertTrue(xml.contains("<Sender><Number>447700900123</Number></Sender>"), xml);
        assertTrue(xml.contains("<Recipients><To><ShortCode>4455</ShortCode></To></Recipients>"), xml);
        assertTrue(xml.contains("<ReplyChargingID>msg-9</ReplyChargingID>"), xml);
        assertTrue(xml.contains("<Subject>Hi &lt;there&gt;</Subject>"), xml);
        assertTrue(xml.contains("<Content href=\"cid:mo-text\"/>"), xml);
        assertEquals("DeliverRsp", deliver.responseElement());
    }

    @Test
    void anAnswerIsReadThroughTheTypesInAnyNamespace() {
        String ns = Mm7Release.REL_5_MM7_1_0.namespace();
        VaspAnswerReading r = VaspAnswerReading.of("<e:Envelope xmlns:e=\"" + VaspRequests.SOAP_ENV + "\"><e:Header>"
                + "<m:TransactionID xmlns:m=\"" + ns + "\" e:mustUnderstand=\"1\"> out-7\n</m:TransactionID></e:Header>"
                + "<e:Body><m:DeliverRsp xmlns:m=\"" + ns + "\"><m:Status><m:StatusText>Fine</m:StatusText>"
                + "<m:StatusCode> 1000 </m:StatusCode><m:Details>all <b>good</b></m:Details></m:Status>"
                + "<m:MM7Version>5.3.0</m:MM7Version><m:Unknown>x</m:Unknown><m:ServiceCode>sc-1</m:ServiceCode>"
                + "</m:DeliverRsp></e:Body></e:Envelope>");
        assertTrue(r.xml());
        assertFalse(r.fault());
        assertEquals("DeliverRsp", r.element());
        assertEquals("out-7", r.transactionId());
        assertEquals(1000, r.statusCode());
        assertEquals("Fine", r.statusText());
        assertEquals("all good", r.details());
        assertEquals("sc-1", r.serviceCode());

        VaspAnswerReading unqualified = VaspAnswerReading.of("<Envelope xmlns=\"" + VaspRequests.SOAP_ENV + "\"><Body>"
                + "<ReadReplyRsp xmlns=\"\"><Status><StatusCode>abc</StatusCode></Status></ReadReplyRsp></Body></Envelope>");
        assertEquals("ReadReplyRsp", unqualified.element());
        assertNull(unqualified.statusCode());
        assertEquals("abc", unqualified.unreadableStatusCode());
        assertFalse(VaspAnswerReading.of("not xml at all").xml());
    }
}
