package mm7gw.ws;

import java.util.Optional;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.Defect;

/**
 * The one check of a value against what the gateway keeps of it: a value longer than its column (or an empty ID) is
 * refused with 2007 and a {@code Details} text naming the element, never cut short and never a failure at commit.
 */
final class KeptLength {
    private KeptLength() {
    }

    /** A text of at most {@code max} characters, when present. */
    static Optional<Defect> atMost(String element, String value, int max) {
        if (value == null || value.length() <= max) {
            return Optional.empty();
        }
        return Optional.of(new Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                element + " has " + value.length() + " characters; the gateway keeps at most " + max));
    }

    /** An ID of 1 to {@code max} characters, when present. */
    static Optional<Defect> oneTo(String element, String value, int max) {
        if (value == null || !value.isEmpty() && value.length() <= max) {
            return Optional.empty();
        }
        return Optional.of(new Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                element + " must be 1 to " + max + " characters"));
    }
}
