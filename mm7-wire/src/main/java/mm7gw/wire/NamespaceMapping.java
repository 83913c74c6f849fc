package mm7gw.wire;

import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Moves an MM7 message between namespaces in place, on a namespace-aware DOM (a SAAJ part's document works
 * too): every element and attribute in a source namespace, and every namespace declaration binding one, is
 * renamed into the target namespace; prefixes stay as the sender wrote them. Inbound requests go from the
 * caller's namespace to {@link Mm7Release#CANONICAL}, responses back; outbound requests to a VASP can go the
 * other way with the VASP's configured release.
 */
public final class NamespaceMapping {
    private NamespaceMapping() {
    }

    /**
     * Renames everything in any known MM7 namespace other than the target into the target namespace.
     *
     * @return whether anything was renamed
     */
    public static boolean toRelease(Node root, Mm7Release target) {
        boolean renamed = false;
        for (Mm7Release r : Mm7Release.values()) {
            if (r != target) {
                renamed |= rename(root, r.namespace(), target.namespace());
            }
        }
        return renamed;
    }

    /**
     * Renames every element/attribute in namespace {@code from} below and including root into {@code to}.
     *
     * @return whether anything was renamed
     */
    public static boolean rename(Node root, String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        Document doc = root.getNodeType() == Node.DOCUMENT_NODE ? (Document) root : root.getOwnerDocument();
        Element start = root.getNodeType() == Node.DOCUMENT_NODE ? doc.getDocumentElement() : (Element) root;
        return renameElement(doc, start, from, to);
    }

    /**
     * Some peers leave the children of the operation element unqualified; MM7 qualifies all of them. Puts every
     * element without a namespace below {@code operation} into the operation's namespace.
     *
     * @return whether any element was put into the namespace
     */
    public static boolean qualifyChildren(Element operation) {
        String ns = operation.getNamespaceURI();
        if (ns == null) {
            return false;
        }
        boolean qualified = false;
        for (Node n = operation.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                qualified |= qualify(operation.getOwnerDocument(), (Element) n, ns);
            }
        }
        return qualified;
    }

    private static boolean qualify(Document doc, Element e, String ns) {
        Element current = e;
        boolean qualified = false;
        if (e.getNamespaceURI() == null) {
            current = (Element) doc.renameNode(e, ns, e.getLocalName() == null ? e.getNodeName() : e.getLocalName());
            current.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, ns);
            qualified = true;
        }
        for (Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                qualified |= qualify(doc, (Element) n, ns);
            }
        }
        return qualified;
    }

    private static boolean renameElement(Document doc, Element e, String from, String to) {
        Element current = e;
        boolean renamed = false;
        if (from.equals(e.getNamespaceURI())) {
            current = (Element) doc.renameNode(e, to, e.getNodeName());
            renamed = true;
        }
        NamedNodeMap attributes = current.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                if (from.equals(a.getValue())) {
                    a.setValue(to);
                    renamed = true;
                }
            } else if (from.equals(a.getNamespaceURI())) {
                doc.renameNode(a, to, a.getNodeName());
                renamed = true;
            }
        }
        for (Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                renamed |= renameElement(doc, (Element) n, from, to);
            }
        }
        return renamed;
    }
}
