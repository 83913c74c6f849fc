package mm7gw.wire;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.nio.charset.StandardCharsets;
import mm7gw.ws.gen.DeliverRsp;
import mm7gw.ws.gen.ResponseType;
import mm7gw.ws.gen.StatusType;
import mm7gw.ws.gen.TransactionID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a VASP's answer to an RS -> VASP request says, read through the generated types: the SOAP body's response
 * element (or, in a SOAP fault, the VASPErrorRsp in its detail), its Status and a DeliverRsp's ServiceCode, and the
 * TransactionID the header echoes. Read leniently as the gateway reads requests: any MM7 namespace (or none on the
 * children), elements in any order, unknown elements ignored. What the gateway does with an answer is the relay's
 * business ({@code VaspAnswer} in mm7-ejb).
 *
 * @param xml           false when the answer is not well-formed XML (then everything else is null)
 * @param fault         the body holds a SOAP Fault
 * @param element       the local name of the response element (of the fault's detail entry for a fault); null: none
 * @param transactionId the TransactionID of the header, trimmed; null: none
 * @param statusCode    the Status's StatusCode; null when there is none or it is not a number
 * @param unreadableStatusCode the StatusCode as written when it is there but not a number
 * @param serviceCode   a DeliverRsp's ServiceCode, exactly as written
 */
public record VaspAnswerReading(boolean xml, boolean fault, String element, String transactionId, Integer statusCode,
        String unreadableStatusCode, String statusText, String details, String faultString, String serviceCode) {

    private static final VaspAnswerReading NOT_XML =
            new VaspAnswerReading(false, false, null, null, null, null, null, null, null, null);

    /** whether the answer carries a Status with a StatusCode, readable or not */
    public boolean hasStatus() {
        return statusCode != null || unreadableStatusCode != null;
    }

    /** @param body the answer's body, not blank */
    public static VaspAnswerReading of(String body) {
        Document doc = parse(body);
        if (doc == null) {
            return NOT_XML;
        }
        Element root = doc.getDocumentElement();
        Element header = Xml.child(root, "Header");
        Element soapBody = Xml.child(root, "Body");
        Element entry = soapBody == null ? null : Xml.child(soapBody, null);
        boolean fault = entry != null && "Fault".equals(entry.getLocalName());
        Element response = entry;
        String faultString = null;
        if (fault) {
            Element detail = Xml.child(entry, "detail");
            response = detail == null ? null : Xml.child(detail, null);
            Element fs = Xml.child(entry, "faultstring");
            faultString = fs == null ? null : fs.getTextContent().trim();
        }
        Element tx = header == null ? null : Xml.child(header, "TransactionID");
        String transactionId = tx == null ? null : transactionId(tx);
        if (response == null) {
            return new VaspAnswerReading(true, fault, null, transactionId, null, null, null, null, faultString, null);
        }
        String element = response.getLocalName();
        Element statusElement = Xml.child(response, "Status");
        Element codeElement = statusElement == null ? null : Xml.child(statusElement, "StatusCode");
        ResponseType read = response(response);
        StatusType status = read.getStatus();
        Integer code = status == null || status.getStatusCode() == null ? null : number(status.getStatusCode().toString());
        String unreadable = code == null && codeElement != null ? codeElement.getTextContent().trim() : null;
        String statusText = status == null || status.getStatusText() == null ? null : status.getStatusText().trim();
        String details = status == null ? null : details(status.getDetails());
        String serviceCode = read instanceof DeliverRsp d ? d.getServiceCode() : null;
        return new VaspAnswerReading(true, fault, element, transactionId, code, unreadable, statusText, details,
                faultString, serviceCode);
    }

    private static ResponseType response(Element element) {
        canonical(element, element.getNamespaceURI());
        Class<? extends ResponseType> type = "DeliverRsp".equals(element.getLocalName()) ? DeliverRsp.class
                : ResponseType.class;
        try {
            return unmarshaller().unmarshal(element, type).getValue();
        } catch (JAXBException e) {
            return new ResponseType();
        }
    }

    private static String transactionId(Element tx) {
        canonical(tx, tx.getNamespaceURI());
        try {
            JAXBElement<TransactionID> read = unmarshaller().unmarshal(tx, TransactionID.class);
            return read.getValue().getValue() == null ? null : read.getValue().getValue().trim();
        } catch (JAXBException e) {
            return tx.getTextContent().trim();
        }
    }

    /** lenient: a value that does not fit its type is left out, an unknown element skipped */
    private static Unmarshaller unmarshaller() throws JAXBException {
        Unmarshaller u = Mm7Jaxb.context().createUnmarshaller();
        u.setEventHandler(event -> true);
        return u;
    }

    /**
     * Renames the element and every element below it in its namespace, or in none, into the canonical namespace
     * the generated types are bound to: a VASP answers in its own release's namespace (or an unknown one).
     */
    private static void canonical(Element e, String namespace) {
        Element current = e;
        String ns = e.getNamespaceURI();
        if (ns == null || ns.equals(namespace)) {
            String local = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
            current = (Element) e.getOwnerDocument().renameNode(e, Mm7Release.CANONICAL.namespace(), local);
        }
        for (Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                canonical((Element) n, namespace);
            }
        }
    }

    private static String details(StatusType.Details d) {
        if (d == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Object o : d.getContent()) {
            b.append(o instanceof Node n ? n.getTextContent() : o instanceof JAXBElement<?> j ? j.getValue() : o);
        }
        String text = b.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static Document parse(String body) {
        int start = body.indexOf('<');
        int end = body.lastIndexOf('>');
        if (start < 0 || end < start) {
            return null;
        }
        try {
            return Xml.parse(body.substring(start, end + 1).getBytes(StandardCharsets.UTF_8), "UTF-8");
        } catch (org.xml.sax.SAXException | RuntimeException e) {
            return null;
        }
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
