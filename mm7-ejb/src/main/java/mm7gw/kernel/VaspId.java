package mm7gw.kernel;

import java.util.Optional;

/**
 * The identifier a VASP is registered under and names itself with in MM7 requests (VASPID): a letter or digit,
 * then up to 63 letters, digits, dots, underscores or hyphens (the rule registration has always applied, and what
 * the 64-character columns hold). A VASPID as a request claims it is not yet one: it is compared with the
 * authenticated VASP's, which refuses an unknown or malformed claim alike ({@link #parse}).
 */
public record VaspId(String value) {
    private static final int LONGEST = 64;

    public VaspId {
        if (!wellFormed(value)) {
            throw new InvalidVaspId(value);
        }
    }

    /** The VASP ID the text names, or empty when the text cannot be one (null, empty, too long, other characters). */
    public static Optional<VaspId> parse(String text) {
        return wellFormed(text) ? Optional.of(new VaspId(text)) : Optional.empty();
    }

    /** The form, checked character by character: entities make a VaspId from their column on every read of it. */
    private static boolean wellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > LONGEST) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == 0 || c != '.' && c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }

    /** Thrown when a text does not have the form of a VASP ID. */
    public static final class InvalidVaspId extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidVaspId(String value) {
            super("not a VASP ID (a letter or digit, then up to 63 letters, digits, '.', '_' or '-'): "
                    + (value == null ? "none" : "'" + value + "'"));
        }
    }
}
