package mm7gw.ws.binding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One body part of a multipart entity: its header block exactly as received, the headers parsed from it,
 * and its body bytes exactly as received (still in their Content-Transfer-Encoding).
 */
public record MimePart(byte[] rawHeaders, List<Header> headers, byte[] rawBody) {

    public record Header(String name, String value) {
    }

    public static MimePart of(byte[] rawHeaders, byte[] rawBody) {
        return new MimePart(rawHeaders, parseHeaders(rawHeaders), rawBody);
    }

    /** The first value of a header, or null. Header names are case-insensitive. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** Content-Type as sent, or MIME's default when the part has none. */
    public String contentType() {
        String ct = header("Content-Type");
        return ct == null || ct.isBlank() ? "text/plain; charset=us-ascii" : ct.trim();
    }

    /** Content-ID without its angle brackets and surrounding spaces, or null. */
    public String contentId() {
        return bare(header("Content-ID"));
    }

    public String contentLocation() {
        String l = header("Content-Location");
        return l == null ? null : l.trim();
    }

    public String transferEncoding() {
        String cte = header("Content-Transfer-Encoding");
        return cte == null ? "binary" : cte.trim().toLowerCase(Locale.ROOT);
    }

    /** Strips whitespace and one pair of angle brackets: {@code <a@b>} and {@code a@b} name the same part. */
    static String bare(String id) {
        if (id == null) {
            return null;
        }
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static List<Header> parseHeaders(byte[] raw) {
        // header text is US-ASCII by RFC 2045; ISO-8859-1 keeps any stray 8-bit byte one-to-one
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        List<Header> headers = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.trim());
                continue;
            }
            if (current != null) {
                add(headers, current.toString());
            }
            current = new StringBuilder(line);
        }
        if (current != null) {
            add(headers, current.toString());
        }
        return headers;
    }

    private static void add(List<Header> headers, String line) {
        int colon = line.indexOf(':');
        if (colon > 0) {
            headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
    }
}
