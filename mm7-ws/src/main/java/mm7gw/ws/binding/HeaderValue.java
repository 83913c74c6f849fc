package mm7gw.ws.binding;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MIME header value with parameters (RFC 2045 §5.1), e.g. {@code multipart/related; boundary="b1"; start=<s>}.
 * Parameter names are case-insensitive; quoted values are unquoted. Tolerant of what peers send: unquoted values
 * with '/', '<' or '@', stray spaces, a trailing ';'.
 */
public record HeaderValue(String value, Map<String, String> parameters) {

    public static HeaderValue parse(String header) {
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (header == null) {
            return new HeaderValue("", params);
        }
        int semi = header.indexOf(';');
        String value = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int i = semi < 0 ? header.length() : semi + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            int nextSemi = header.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
                i = nextSemi < 0 ? header.length() : nextSemi + 1;
                continue;
            }
            String name = header.substring(i, eq).trim();
            int j = eq + 1;
            while (j < header.length() && Character.isWhitespace(header.charAt(j))) {
                j++;
            }
            StringBuilder v = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        c = header.charAt(++j);
                    }
                    v.append(c);
                    j++;
                }
                int end = header.indexOf(';', j);
                i = end < 0 ? header.length() : end + 1;
            } else {
                int end = header.indexOf(';', j);
                v.append(header, j, end < 0 ? header.length() : end);
                i = end < 0 ? header.length() : end + 1;
            }
            if (!name.isEmpty()) {
                params.putIfAbsent(name, v.toString().trim());
            }
        }
        return new HeaderValue(value, params);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public boolean is(String mediaType) {
        return value.equals(mediaType);
    }
}
