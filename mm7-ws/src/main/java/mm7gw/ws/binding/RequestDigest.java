package mm7gw.ws.binding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mm7gw.submission.boundary.SubmitCommand.ContentInput;

/**
 * A SHA-256 digest of an MM7 request as the binding read it: the envelope in canonical form and the content it
 * references. Transport details that differ between two sends of the same request (MIME boundaries, header
 * order, transfer encoding) do not enter it, so a VASP's retry has the same digest as its first attempt.
 */
public final class RequestDigest {
    static final String ATTRIBUTE = RequestDigest.class.getName();

    private RequestDigest() {
    }

    static String of(byte[] canonicalEnvelope, ContentInput content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonicalEnvelope);
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

    /** The digest of the current request, or null when it did not come through the binding. */
    public static String of(WebServiceContext context) {
        Object request = context == null ? null : context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return request instanceof HttpServletRequest r && r.getAttribute(ATTRIBUTE) instanceof String d ? d : null;
    }
}
