package mm7gw.submission.boundary;

import java.util.List;
import mm7gw.status.StatusCode;

/**
 * The answer to a submit: for an accepted one the MessageID and 1000, or 1100 with the recipients left out; for a
 * refused one no MessageID, the refusal's status and its details.
 */
public record SubmitResult(String messageId, StatusCode status, List<String> details) {
    public static SubmitResult accepted(String messageId, StatusCode status, List<String> details) {
        return new SubmitResult(messageId, status, details);
    }

    public static SubmitResult refused(StatusCode status, String details) {
        return new SubmitResult(null, status, details == null ? List.of() : List.of(details));
    }

    public boolean isAccepted() {
        return messageId != null;
    }
}
