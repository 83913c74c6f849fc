package mm7gw.relay.control;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import mm7gw.relay.entity.OutboundState;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * How the gateway reads a VASP's HTTP answer to an RS -> VASP request:
 * <ul>
 * <li>a response (e.g. DeliveryReportRsp) with a 1xxx StatusCode: sent;</li>
 * <li>a response with any other StatusCode, or a SOAP fault carrying VASPErrorRsp (§8.7.4.2, §8.7.5.2): a VASP
 * error, recorded with the VASP's status and text and not retried;</li>
 * <li>no answer, HTTP 5xx without a VASPErrorRsp, 408 or 429: retried (the caller rolls back);</li>
 * <li>an empty HTTP 2xx: sent if the VASP's configuration says so, else refused;</li>
 * <li>any other HTTP status (401, 404, ...) or an answer that is not MM7: refused, not retried.</li>
 * </ul>
 * Read strictly ({@link #read(int, String, boolean, String, String)}), a response must be the response element of
 * the request sent (a DeliveryReportRsp for a DeliveryReportReq) and echo its TransactionID, else it is refused
 * with the reason; a VASP status 3000 (Server Error) or 4006 (Service unavailable), in a response or a
 * VASPErrorRsp, is transient and retried with the back-off of other transient failures.
 */
public record VaspAnswer(OutboundState state, boolean retry, Integer vaspStatus, String text) {

    public static VaspAnswer retry(String why) {
        return new VaspAnswer(OutboundState.QUEUED, true, null, why);
    }

    /**
     * @param expectedResponse the response element the request calls for (DeliveryReportRsp, ...)
     * @param transactionId    the TransactionID the request was sent with
     */
    public static VaspAnswer read(int httpStatus, String body, boolean emptyResponseIsAck, String expectedResponse,
            String transactionId) {
        VaspAnswer answer = read(httpStatus, body, emptyResponseIsAck);
        if (answer.vaspStatus() == null || answer.state() == OutboundState.REFUSED) {
            return answer;
        }
        Document doc = parse(body);
        Element fault = doc == null ? null : first(doc, "Fault");
        Element response = fault == null ? bodyElement(doc) : first(doc, "VASPErrorRsp");
        if (fault == null && (response == null || !expectedResponse.equals(response.getLocalName()))) {
            return new VaspAnswer(OutboundState.REFUSED, false, answer.vaspStatus(), "the VASP answered "
                    + (response == null ? "no response element" : response.getLocalName()) + " instead of "
                    + expectedResponse);
        }
        String echoed = textOf(doc, "TransactionID");
        if (!transactionId.equals(echoed)) {
            return new VaspAnswer(OutboundState.REFUSED, false, answer.vaspStatus(), echoed == null
                    ? "the answer does not echo the TransactionID '" + transactionId + "'"
                    : "the answer echoes TransactionID '" + echoed + "', not the request's '" + transactionId + "'");
        }
        int code = answer.vaspStatus();
        if (code == 3000 || code == 4006) {
            return retry("VASP status " + code + (answer.text() == null ? "" : " " + answer.text()));
        }
        return answer;
    }

    public static VaspAnswer read(int httpStatus, String body, boolean emptyResponseIsAck) {
        boolean empty = body == null || body.isBlank();
        if (httpStatus >= 200 && httpStatus < 300 && empty) {
            return emptyResponseIsAck ? new VaspAnswer(OutboundState.SENT, false, null, "empty HTTP " + httpStatus)
                    : new VaspAnswer(OutboundState.REFUSED, false, null, "empty HTTP " + httpStatus
                            + " (not configured as an acknowledgement)");
        }
        Document doc = empty ? null : parse(body);
        Element status = doc == null ? null : first(doc, "StatusCode");
        boolean fault = doc != null && first(doc, "Fault") != null;
        if (status != null) {
            Integer code = number(status.getTextContent());
            String text = join(textOf(doc, "StatusText"), textOf(doc, "Details"));
            if (code == null) {
                return new VaspAnswer(OutboundState.REFUSED, false, null, "unreadable StatusCode '"
                        + status.getTextContent().trim() + "'");
            }
            if (code >= 1000 && code < 2000 && !fault && httpStatus >= 200 && httpStatus < 300) {
                return new VaspAnswer(OutboundState.SENT, false, code, text);
            }
            return new VaspAnswer(OutboundState.VASP_ERROR, false, code, text);
        }
        if (fault && httpStatus < 500) {
            return new VaspAnswer(OutboundState.VASP_ERROR, false, null, textOf(doc, "faultstring"));
        }
        if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429) {
            return retry("HTTP " + httpStatus + (fault ? ": " + textOf(doc, "faultstring") : ""));
        }
        return new VaspAnswer(OutboundState.REFUSED, false, null, "HTTP " + httpStatus
                + (doc == null ? (empty ? "" : " with an answer that is not XML") : " without an MM7 status"));
    }

    private static Document parse(String body) {
        int start = body.indexOf('<');
        int end = body.lastIndexOf('>');
        if (start < 0 || end < start) {
            return null;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(
                    body.substring(start, end + 1).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    /** The ServiceCode an answer carries (a DeliverRsp's), exactly as written; null without one. */
    public static String serviceCode(String body) {
        Document doc = body == null || body.isBlank() ? null : parse(body);
        Element e = doc == null ? null : first(doc, "ServiceCode");
        return e == null ? null : e.getTextContent();
    }

    private static Element bodyElement(Document d) {
        Element body = d == null ? null : first(d, "Body");
        if (body == null) {
            return null;
        }
        for (org.w3c.dom.Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Element first(Document d, String localName) {
        NodeList l = d.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static String textOf(Document d, String localName) {
        Element e = first(d, localName);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + ": " + b;
    }
}
