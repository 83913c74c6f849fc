package mm7gw.submission.boundary;

import java.util.List;
import mm7gw.status.StatusCode;

/** The outcome of a cancel or replace: 1000, or 1100 when some recipients had already retrieved the message. */
public record RevisionResult(StatusCode status, List<String> details) {
}
