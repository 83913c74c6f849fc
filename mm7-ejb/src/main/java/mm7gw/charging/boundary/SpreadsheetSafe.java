package mm7gw.charging.boundary;

import java.util.regex.Pattern;

/**
 * Cells of a CSV export that a spreadsheet could take for a formula, neutralised as OWASP recommends for CSV
 * injection: a text value beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * gets a single quote in front (the writer quotes every value and doubles embedded double quotes). Values that
 * are not text (the numeric, boolean and time fields) are never changed, and neither is a text value that is a
 * plain signed number ({@code -5}, {@code +447700900123}), which a spreadsheet reads as that number and nothing else.
 */
public final class SpreadsheetSafe {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.][0-9]+)?");

    private SpreadsheetSafe() {
    }

    /** The value as written to a spreadsheet-safe export. */
    public static Object cell(Object value) {
        if (value instanceof String text && needsNeutralising(text)) {
            return "'" + text;
        }
        return value;
    }

    static boolean needsNeutralising(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The values of a row, each one {@link #cell neutralised}. */
    public static Object[] row(Object[] values) {
        Object[] safe = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            safe[i] = cell(values[i]);
        }
        return safe;
    }
}
