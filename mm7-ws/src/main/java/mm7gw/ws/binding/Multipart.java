package mm7gw.ws.binding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mm7gw.status.StatusCode;

/**
 * Splits a multipart body (RFC 2046 §5.1) into its parts without touching their bytes: each part's body is
 * exactly what lay between its header block and the line break before the next delimiter. Accepts CRLF and
 * bare LF line breaks, a preamble, transport padding after a delimiter and an epilogue.
 */
public final class Multipart {
    private Multipart() {
    }

    /** Most parts one multipart body may have ({@code mm7.max-mime-parts}, default 100). */
    public static final int MAX_PARTS = Math.max(1, Integer.getInteger("mm7.max-mime-parts", 100));

    public static List<MimePart> parse(byte[] body, String boundary) throws WireFault {
        return parse(body, boundary, MAX_PARTS);
    }

    /**
     * @param maxParts most parts the body may have: at the first part beyond, the body is refused (2004) and not
     *                 split any further
     */
    public static List<MimePart> parse(byte[] body, String boundary, int maxParts) throws WireFault {
        if (boundary == null || boundary.isEmpty()) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the multipart Content-Type has no boundary parameter");
        }
        byte[] delimiter = ("--" + boundary).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int pos = firstDelimiter(body, delimiter);
        if (pos < 0) {
            throw new WireFault(StatusCode.VALIDATION_ERROR,
                    "the multipart body does not contain its boundary '" + boundary + "'");
        }
        List<MimePart> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = pos + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                break;
            }
            if (parts.size() == maxParts) {
                throw new WireFault(StatusCode.CONTENT_REFUSED, "the multipart body has more than " + maxParts
                        + " MIME parts; at most " + maxParts + " are accepted (mm7.max-mime-parts)");
            }
            int partStart = endOfLine(body, afterDelimiter);
            if (partStart < 0) {
                if (parts.isEmpty()) {
                    throw new WireFault(StatusCode.VALIDATION_ERROR, "the multipart body has no parts");
                }
                break;
            }
            int next = nextDelimiter(body, delimiter, partStart);
            if (next < 0) {
                throw new WireFault(StatusCode.VALIDATION_ERROR,
                        "the multipart body ends inside a part, without the closing boundary '--" + boundary + "--'");
            }
            int bodyEnd = next > partStart && body[next - 1] == '\n' ? next - 1 : next;
            if (bodyEnd > partStart && body[bodyEnd - 1] == '\r') {
                bodyEnd--;
            }
            parts.add(part(body, partStart, Math.max(partStart, bodyEnd)));
            pos = next;
        }
        if (parts.isEmpty()) {
            throw new WireFault(StatusCode.VALIDATION_ERROR, "the multipart body has no parts");
        }
        return parts;
    }

    private static MimePart part(byte[] data, int from, int to) {
        int headerEnd = -1;
        int bodyStart = from;
        if (startsWith(data, from, "\r\n")) {
            headerEnd = from;
            bodyStart = from + 2;
        } else if (startsWith(data, from, "\n")) {
            headerEnd = from;
            bodyStart = from + 1;
        } else {
            for (int i = from; i < to; i++) {
                if (data[i] == '\n') {
                    if (startsWith(data, i + 1, "\r\n") && i + 3 <= to) {
                        headerEnd = i + 1;
                        bodyStart = i + 3;
                        break;
                    }
                    if (startsWith(data, i + 1, "\n") && i + 2 <= to) {
                        headerEnd = i + 1;
                        bodyStart = i + 2;
                        break;
                    }
                }
            }
        }
        if (headerEnd < 0) {
            // headers only, no body
            return MimePart.of(Arrays.copyOfRange(data, from, to), new byte[0]);
        }
        return MimePart.of(Arrays.copyOfRange(data, from, headerEnd), Arrays.copyOfRange(data, bodyStart, to));
    }

    private static int firstDelimiter(byte[] data, byte[] delimiter) {
        if (regionMatches(data, 0, delimiter)) {
            return 0;
        }
        return nextDelimiter(data, delimiter, 0);
    }

    /** The index of the next delimiter that starts a line at or after {@code from}, or -1. */
    private static int nextDelimiter(byte[] data, byte[] delimiter, int from) {
        for (int i = Math.max(from, 1); i <= data.length - delimiter.length; i++) {
            if (data[i - 1] == '\n' && regionMatches(data, i, delimiter)) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the line break ending the delimiter line (transport padding skipped), or -1 at the end. */
    private static int endOfLine(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, String s) {
        if (at + s.length() > data.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (data[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatches(byte[] data, int at, byte[] what) {
        if (at + what.length > data.length) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (data[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }
}
