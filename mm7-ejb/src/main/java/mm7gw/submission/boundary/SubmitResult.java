package mm7gw.submission.boundary;

import java.util.List;
import mm7gw.status.StatusCode;

/** The answer to an accepted submit: the MessageID and 1000, or 1100 with the recipients left out. */
public record SubmitResult(String messageId, StatusCode status, List<String> details) {
}
