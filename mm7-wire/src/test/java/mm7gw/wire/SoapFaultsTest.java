package mm7gw.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoapFaultsTest {

    @Test
    void anRsErrorRspFaultIsInTheCallersReleaseAndEchoesTheTransaction() throws Exception {
        Mm7Release rel = Mm7Release.REL_5_MM7_1_3;
        byte[] fault = SoapFaults.rsError(rel, "tx-1", true, "5.8.0", 4004, "Validation error", "no <Recipients>");
        String xml = new String(fault, StandardCharsets.UTF_8);
        Document d = Xml.parse(fault, null);
        assertEquals("env:Client", d.getElementsByTagNameNS(null, "faultcode").item(0).getTextContent(), xml);
        assertEquals("Client error", d.getElementsByTagNameNS(null, "faultstring").item(0).getTextContent());
        assertEquals("tx-1", d.getElementsByTagNameNS(rel.namespace(), "TransactionID").item(0).getTextContent());
        assertEquals("4004", d.getElementsByTagNameNS(rel.namespace(), "StatusCode").item(0).getTextContent());
        assertEquals("no <Recipients>", d.getElementsByTagNameNS(rel.namespace(), "Details").item(0).getTextContent());
        assertTrue(xml.contains("<RSErrorRsp xmlns=\"" + rel.namespace() + "\">"), xml);
        assertTrue(!xml.contains(Mm7Release.CANONICAL.namespace()), xml);

        String server = new String(SoapFaults.rsError(Mm7Release.CANONICAL, null, false, "6.8.0", 3000, "Server Error",
                null), StandardCharsets.UTF_8);
        assertTrue(server.contains("<faultcode>env:Server</faultcode>") && !server.contains("Header")
                && !server.contains("Details"), server);
    }

    @Test
    void aMustUnderstandFaultHasNoDetail() {
        String xml = new String(SoapFaults.mustUnderstand("the header block {urn:x}Y is not understood"),
                StandardCharsets.UTF_8);
        assertTrue(xml.contains("<faultcode>env:MustUnderstand</faultcode>"), xml);
        assertTrue(xml.contains("{urn:x}Y") && !xml.contains("detail") && !xml.contains("Header"), xml);
    }
}
