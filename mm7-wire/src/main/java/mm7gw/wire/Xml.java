package mm7gw.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Namespace-aware DOM parsing without DTDs or external entities, and serialisation as UTF-8. */
public final class Xml {
    /** The deepest element nesting the gateway parses (server-wide jdk.xml.maxElementDepth is set too). */
    public static final int MAX_ELEMENT_DEPTH = Integer.getInteger("mm7.xml.max-element-depth", 64);
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();
    /** builders are costly to make and not thread-safe: one per thread, reset before each use */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Xml::newBuilder);
    private static final ThreadLocal<Transformer> SERIALISER = ThreadLocal.withInitial(Xml::newSerialiser);
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private Xml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // every node of an MM7 envelope is visited: expanding them while parsing is cheaper than on demand
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            // an MM7 envelope is about 6 levels deep; refuse pathological nesting while parsing, not afterwards
            f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_ELEMENT_DEPTH);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    /**
     * @param charset the charset the transport declared, or null to let the XML declaration decide
     * @throws SAXParseException with line and column when the bytes are not well-formed XML
     */
    public static Document parse(byte[] bytes, String charset) throws SAXException {
        InputSource source = new InputSource(new ByteArrayInputStream(bytes));
        if (charset != null && !charset.isBlank()) {
            source.setEncoding(charset.trim());
        }
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(STRICT);
        try {
            return builder.parse(source);
        } catch (java.io.IOException e) {
            throw new SAXException(e.getMessage(), e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) {
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Transformer newSerialiser() {
        try {
            Transformer t;
            synchronized (TRANSFORMERS) {
                t = TRANSFORMERS.newTransformer();
            }
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            return t;
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The node as UTF-8 XML with an XML declaration. A document is written from its document element: the
     * identity transformer would otherwise take the encoding its XML declaration named when it was parsed
     * (ISO-8859-1, say) over the UTF-8 asked for.
     */
    public static byte[] serialise(Node node) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Node written = node instanceof Document d && d.getDocumentElement() != null ? d.getDocumentElement() : node;
            SERIALISER.get().transform(new DOMSource(written), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML: " + e.getMessage(), e);
        }
    }

    /** The element children of an element that carry a local name, in document order. */
    public static java.util.List<Element> children(Element parent, String localName) {
        java.util.List<Element> found = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && (localName == null || localName.equals(n.getLocalName()))) {
                found.add((Element) n);
            }
        }
        return found;
    }

    public static Element child(Element parent, String localName) {
        java.util.List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
