package mm7gw.directory.control;

import mm7gw.status.StatusCode;

/** What the directory says about one recipient address (TS 23.140 §8.7.1.2 recipient resolution). */
public enum Resolution {
    DELIVERABLE(null, "an active subscriber"),
    /** neither in a served number range nor in a served e-mail domain */
    NOT_SERVED(StatusCode.ADDRESS_ERROR, "not served by this MMSC"),
    /** in a served range or domain, but no such subscriber */
    UNKNOWN_SUBSCRIBER(StatusCode.ADDRESS_NOT_FOUND, "no such subscriber"),
    BARRED(StatusCode.ADDRESS_NOT_FOUND, "subscriber barred"),
    NOT_MMS_CAPABLE(StatusCode.ADDRESS_NOT_FOUND, "subscriber cannot receive MMS");

    private final StatusCode status;
    private final String reason;

    Resolution(StatusCode status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public boolean deliverable() {
        return this == DELIVERABLE;
    }

    /** The status a request gets when this is the reason none of its recipients could be resolved. */
    public StatusCode status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
