package mm7gw.admin.boundary;

import jakarta.ejb.ApplicationException;

/** An administrative request that cannot be carried out; the message is meant for the admin. */
@ApplicationException(rollback = true)
public class RequestRefused extends RuntimeException {
    public enum Reason {
        INVALID, NOT_FOUND, CONFLICT, TOO_MANY_ATTEMPTS
    }

    private final Reason reason;

    public RequestRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RequestRefused notFound(String what) {
        return new RequestRefused(Reason.NOT_FOUND, what + " not found");
    }

    public static RequestRefused invalid(String message) {
        return new RequestRefused(Reason.INVALID, message);
    }

    /** A password check that is not made: too many wrong passwords of the login from this address of late. */
    public static RequestRefused tooManyAttempts(String message) {
        return new RequestRefused(Reason.TOO_MANY_ATTEMPTS, message);
    }
}
