package mm7gw.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class NamespaceMappingTest {
    private static final String OLD = Mm7Release.REL_5_MM7_1_2.namespace();
    private static final String NEW = Mm7Release.CANONICAL.namespace();

    private static Document doc(String xml) throws Exception {
        return Xml.parse(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void renamesDefaultAndPrefixedElementsAndTheirDeclarations() throws Exception {
        Document d = doc("""
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header><mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">t1</mm7:TransactionID></env:Header>
                 <env:Body><SubmitReq xmlns="%1$s"><MM7Version>5.3.0</MM7Version><Content href="cid:a"/></SubmitReq></env:Body>
                </env:Envelope>""".formatted(OLD));
        NamespaceMapping.toRelease(d, Mm7Release.CANONICAL);
        assertEquals(1, d.getElementsByTagNameNS(NEW, "TransactionID").getLength());
        assertEquals(1, d.getElementsByTagNameNS(NEW, "SubmitReq").getLength());
        assertEquals(1, d.getElementsByTagNameNS(NEW, "MM7Version").getLength());
        assertEquals(0, d.getElementsByTagNameNS(OLD, "*").getLength());

        String text = new String(Xml.serialise(d), StandardCharsets.UTF_8);
        assertFalse(text.contains(OLD), text);
        assertTrue(text.contains("<mm7:TransactionID xmlns:mm7=\"" + NEW + "\""), text);
        // the serialised text reads back with the same names
        Document again = doc(text);
        assertEquals("5.3.0", again.getElementsByTagNameNS(NEW, "MM7Version").item(0).getTextContent());
        assertEquals("1", ((Element) again.getElementsByTagNameNS(NEW, "TransactionID").item(0))
                .getAttributeNS("http://schemas.xmlsoap.org/soap/envelope/", "mustUnderstand"));
    }

    @Test
    void mapsBackAndLeavesOtherNamespacesAlone() throws Exception {
        Document d = doc("<a:X xmlns:a=\"%s\" xmlns:o=\"urn:other\"><a:Y o:z=\"1\"/><o:Q/></a:X>".formatted(NEW));
        NamespaceMapping.rename(d, NEW, OLD);
        assertEquals(OLD, d.getDocumentElement().getNamespaceURI());
        assertEquals("a:X", d.getDocumentElement().getNodeName());
        assertEquals(1, d.getElementsByTagNameNS("urn:other", "Q").getLength());
        Document again = doc(new String(Xml.serialise(d), StandardCharsets.UTF_8));
        assertEquals(1, again.getElementsByTagNameNS(OLD, "Y").getLength());
    }

    @Test
    void qualifiesUnqualifiedChildrenOfTheOperation() throws Exception {
        Document d = doc("<m:SubmitReq xmlns:m=\"%s\"><MM7Version>6.8.0</MM7Version><Recipients><To><Number>1</Number></To></Recipients></m:SubmitReq>"
                .formatted(NEW));
        NamespaceMapping.qualifyChildren(d.getDocumentElement());
        Document again = doc(new String(Xml.serialise(d), StandardCharsets.UTF_8));
        assertEquals(1, again.getElementsByTagNameNS(NEW, "Number").getLength());
        assertEquals(1, again.getElementsByTagNameNS(NEW, "MM7Version").getLength());
    }

    @Test
    void knowsEveryReleaseAndTheVersionRange() {
        assertEquals(11, Mm7Release.values().length);
        assertTrue(Mm7Release.isKnownNamespace(
                "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-5-MM7-1-0"));
        assertFalse(Mm7Release.isKnownNamespace(
                "http://www.3gpp.org/ftp/Specs/archive/23_series/23.140/schema/REL-6-MM7-6-7"));
        assertEquals(Mm7Release.VersionCheck.SUPPORTED, Mm7Release.checkVersion("5.3.0"));
        assertEquals(Mm7Release.VersionCheck.SUPPORTED, Mm7Release.checkVersion(" 6.8.0 "));
        assertEquals(Mm7Release.VersionCheck.UNSUPPORTED, Mm7Release.checkVersion("4.1.0"));
        assertEquals(Mm7Release.VersionCheck.UNSUPPORTED, Mm7Release.checkVersion("5.2.0"));
        assertEquals(Mm7Release.VersionCheck.UNSUPPORTED, Mm7Release.checkVersion("7.0.0"));
        assertEquals(Mm7Release.VersionCheck.MALFORMED, Mm7Release.checkVersion("six"));
        assertEquals(Mm7Release.VersionCheck.MISSING, Mm7Release.checkVersion(""));
    }
}
