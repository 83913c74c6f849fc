package mm7gw.ws.binding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mm7gw.submission.boundary.SubmitCommand.ContentInput;

/**
 * A SHA-256 digest of an MM7 request as the binding read it: the envelope in canonical form (its document, not
 * its bytes) and the content it references. Transport details that differ between two sends of the same request (MIME boundaries, header
 * order, transfer encoding) do not enter it, so a VASP's retry has the same digest as its first attempt.
 */
public final class RequestDigest {
    static final String ATTRIBUTE = RequestDigest.class.getName();

    private RequestDigest() {
    }

    static String of(Document canonicalEnvelope, ContentInput content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, canonicalEnvelope.getDocumentElement());
            if (content != null) {
                sha.update((byte) 0);
                sha.update(String.valueOf(content.contentType()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.body());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Feeds the element into the digest as the XML it stands for: names with their namespaces, attributes in a
     * fixed order, text; prefixes and whitespace between elements do not enter it.
     */
    private static void update(MessageDigest sha, Element element) {
        put(sha, '<', element.getNamespaceURI(), element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                sorted.put(a.getNamespaceURI() + "|" + a.getLocalName(), a.getNodeValue());
            }
        }
        sorted.forEach((name, value) -> put(sha, '@', name, value));
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                update(sha, child);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue();
                if (!text.isBlank()) {
                    put(sha, '"', text, null);
                }
            }
        }
        sha.update((byte) '>');
    }

    private static void put(MessageDigest sha, char kind, String a, String b) {
        sha.update((byte) kind);
        sha.update(String.valueOf(a).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        if (b != null) {
            sha.update(b.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    /** The digest of the current request, or null when it did not come through the binding. */
    public static String of(WebServiceContext context) {
        Object request = context == null ? null : context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return request instanceof HttpServletRequest r && r.getAttribute(ATTRIBUTE) instanceof String d ? d : null;
    }
}
