package mm7gw.ws.binding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import mm7gw.wire.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The element names the project's MM7 schema declares. Elements outside it (profile extensions such as ZXID's
 * PreferredChannels or MessageExtraData, REFERENCE.md §5.1) are ignored on input: the binding takes them out
 * before the JAXB reader, which would otherwise refuse the whole request.
 */
public record SchemaVocabulary(Set<String> elementNames) {

    public static SchemaVocabulary read(InputStream xsd) throws IOException {
        Document d;
        try {
            d = Xml.parse(xsd.readAllBytes(), null);
        } catch (SAXException e) {
            throw new IOException("the MM7 schema cannot be read: " + e.getMessage(), e);
        }
        Set<String> names = new TreeSet<>();
        NodeList elements = d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            String name = ((Element) elements.item(i)).getAttribute("name");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new SchemaVocabulary(Set.copyOf(names));
    }

    public boolean declares(String localName) {
        return elementNames.contains(localName);
    }
}
