package mm7gw.status;

import jakarta.ejb.ApplicationException;

/**
 * A request the gateway refuses with an MM7 status. Rolls back everything the request did so far,
 * so a refused request leaves nothing stored and nothing enqueued.
 */
@ApplicationException(rollback = true)
public class Mm7Rejection extends RuntimeException {
    private final StatusCode status;
    private final String details;

    public Mm7Rejection(StatusCode status, String details) {
        super(status.code() + " " + status.text() + ": " + details);
        this.status = status;
        this.details = details;
    }

    public StatusCode status() {
        return status;
    }

    public String details() {
        return details;
    }
}
