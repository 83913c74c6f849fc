package mm7gw.kernel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifier a VASP is registered under and names itself with in MM7 requests (VASPID): a letter or digit,
 * then up to 63 letters, digits, dots, underscores or hyphens (the rule registration has always applied, and what
 * the 64-character columns hold). A VASPID as a request claims it is not yet one: it is compared with the
 * authenticated VASP's, which refuses an unknown or malformed claim alike ({@link #parse}).
 */
public record VaspId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");

    public VaspId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidVaspId(value);
        }
    }

    /** The VASP ID the text names, or empty when the text cannot be one (null, empty, too long, other characters). */
    public static Optional<VaspId> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new VaspId(text)) : Optional.empty();
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
