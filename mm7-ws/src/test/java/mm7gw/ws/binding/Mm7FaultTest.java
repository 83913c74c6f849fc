package mm7gw.ws.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import mm7gw.status.StatusCode;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class Mm7FaultTest {

    @Test
    void anRsErrorRspFaultIsInTheCallersReleaseAndEchoesTheTransaction() throws Exception {
        Mm7Release rel = Mm7Release.REL_5_MM7_1_3;
        byte[] fault = Mm7Fault.rsError("5.8.0", StatusCode.VALIDATION_ERROR, "no <Recipients>").envelope(rel, "tx-1");
        String xml = new String(fault, StandardCharsets.UTF_8);
        Document d = Xml.parse(fault, null);
        assertEquals("env:Client", d.getElementsByTagNameNS(null, "faultcode").item(0).getTextContent(), xml);
        assertEquals("Client error", d.getElementsByTagNameNS(null, "faultstring").item(0).getTextContent());
        assertEquals("tx-1", d.getElementsByTagNameNS(rel.namespace(), "TransactionID").item(0).getTextContent());
        assertEquals("5.8.0", d.getElementsByTagNameNS(rel.namespace(), "MM7Version").item(0).getTextContent());
        assertEquals("4004", d.getElementsByTagNameNS(rel.namespace(), "StatusCode").item(0).getTextContent());
        assertEquals("Validation error", d.getElementsByTagNameNS(rel.namespace(), "StatusText").item(0).getTextContent());
        assertEquals("no <Recipients>", d.getElementsByTagNameNS(rel.namespace(), "Details").item(0).getTextContent());
        assertTrue(xml.contains("<RSErrorRsp xmlns=\"" + rel.namespace() + "\">"), xml);
        assertFalse(xml.contains(Mm7Release.CANONICAL.namespace()), xml);
    }

    @Test
    void aServerSideStatusIsAServerFaultAndNoDetailsMeansNoDetailsElement() {
        for (String none : new String[] {null, ""}) {
            String xml = new String(Mm7Fault.rsError("6.8.0", StatusCode.SERVER_ERROR, none)
                    .envelope(Mm7Release.CANONICAL, null), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<faultcode>env:Server</faultcode>") && xml.contains("<faultstring>Server error<")
                    && !xml.contains("Header") && !xml.contains("Details"), xml);
        }
        String denied = new String(Mm7Fault.rsError("6.8.0", StatusCode.SERVICE_DENIED, "no")
                .envelope(Mm7Release.CANONICAL, ""), StandardCharsets.UTF_8);
        assertTrue(denied.contains("<faultcode>env:Client</faultcode>") && !denied.contains("Header"), denied);
    }

    @Test
    void aMustUnderstandFaultNamesTheBlockAndHasNoDetail() {
        String xml = new String(new NotUnderstood("urn:x", "Y").fault().envelope(Mm7Release.CANONICAL, null),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<faultcode>env:MustUnderstand</faultcode>"), xml);
        assertTrue(xml.contains("{urn:x}Y") && !xml.contains("detail") && !xml.contains("Header"), xml);
    }
}
