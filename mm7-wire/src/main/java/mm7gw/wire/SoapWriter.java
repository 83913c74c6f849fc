package mm7gw.wire;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import mm7gw.ws.gen.TransactionID;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A SOAP 1.1 envelope (prefix env) being written: the TransactionID header entry and the body's MM7 element from the
 * generated types, moved into the release's namespace (mm7: on the header entry, the default namespace in the
 * body, as TS 23.140's examples and most peers write them). The one writer of the gateway's envelopes: the RS -> VASP
 * requests ({@link VaspRequests}) and every SOAP fault the Relay/Server answers (mm7-ws, {@code Mm7Fault}).
 */
public final class SoapWriter {
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final DocumentBuilderFactory DOCUMENTS = documents();

    private final Mm7Release release;
    private final Document doc;
    private final Element header;
    private final Element body;

    public SoapWriter(Mm7Release release) {
        this.release = release;
        doc = newDocument();
        Element envelope = doc.createElementNS(SOAP_ENV, "env:Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:env", SOAP_ENV);
        doc.appendChild(envelope);
        header = doc.createElementNS(SOAP_ENV, "env:Header");
        body = doc.createElementNS(SOAP_ENV, "env:Body");
        envelope.appendChild(header);
        envelope.appendChild(body);
    }

    /** The TransactionID header entry, mustUnderstand="1"; none when the id is null or empty. */
    public SoapWriter transactionId(String transactionId) {
        if (transactionId != null && !transactionId.isEmpty()) {
            TransactionID tx = new TransactionID();
            tx.setValue(transactionId);
            Element e = marshal(tx, header, "mm7");
            e.setAttributeNS(SOAP_ENV, "env:mustUnderstand", "1");
        }
        return this;
    }

    /** The body's MM7 element (a generated type with its root element). */
    public SoapWriter body(Object mm7Element) {
        marshal(mm7Element, body, null);
        return this;
    }

    /**
     * A SOAP fault in the body: faultcode and faultstring (unqualified, SOAP 1.1 §4.4), and the MM7 element in
     * detail when there is one.
     */
    public SoapWriter fault(String faultCode, String faultString, Object detailElement) {
        Element fault = doc.createElementNS(SOAP_ENV, "env:Fault");
        body.appendChild(fault);
        Element code = doc.createElementNS(null, "faultcode");
        code.setTextContent("env:" + faultCode);
        fault.appendChild(code);
        Element string = doc.createElementNS(null, "faultstring");
        string.setTextContent(faultString);
        fault.appendChild(string);
        if (detailElement != null) {
            Element detail = doc.createElementNS(null, "detail");
            fault.appendChild(detail);
            marshal(detailElement, detail, null);
        }
        return this;
    }

    public byte[] bytes() {
        if (!header.hasChildNodes()) {
            header.getParentNode().removeChild(header);
        }
        return Xml.serialise(doc);
    }

    private Element marshal(Object element, Element parent, String prefix) {
        try {
            Marshaller m = Mm7Jaxb.context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, true);
            m.marshal(element, parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getClass().getSimpleName() + ": " + e, e);
        }
        Element written = (Element) parent.getLastChild();
        Element renamed = rename(written, prefix);
        renamed.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                prefix == null ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
                release.namespace());
        return renamed;
    }

    /** Into the release's namespace under one prefix (null: the default namespace), without the marshaller's declarations. */
    private Element rename(Element e, String prefix) {
        Element current = e;
        if (Mm7Release.CANONICAL.namespace().equals(e.getNamespaceURI())) {
            current = (Element) doc.renameNode(e, release.namespace(),
                    prefix == null ? e.getLocalName() : prefix + ":" + e.getLocalName());
        }
        NamedNodeMap attributes = current.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr a = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                current.removeAttributeNode(a);
            }
        }
        for (Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                n = rename((Element) n, prefix);
            }
        }
        return current;
    }

    private static Document newDocument() {
        try {
            synchronized (DOCUMENTS) {
                return DOCUMENTS.newDocumentBuilder().newDocument();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory documents() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }
}
