package mm7gw.system;

/**
 * Values from outside (what a VASP sent: TransactionID, addresses, VASID, Details, a VASP's answer) as they go into
 * a log line: a backslash, CR, LF, tab and every other control character (C0, DEL, C1), the Unicode line and
 * paragraph separators and the bidirectional overrides are written as escapes ({@code \r}, {@code \n},
 * {@code \t}, {@code \\}, {@code \u0085}, ...), so a value can neither start a forged log line nor hide part of
 * one. Text without such characters is returned as it is.
 */
public final class LogText {
    private LogText() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        b.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static boolean needsEscape(char c) {
        return c < 0x20 || c == '\\' || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
