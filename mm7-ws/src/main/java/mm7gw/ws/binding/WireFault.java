package mm7gw.ws.binding;

import mm7gw.status.StatusCode;

/**
 * A request that cannot be processed as an MM7 operation at all (broken MIME, unparsable XML, no SOAP 1.1
 * envelope, unknown namespace, unsupported version, unknown operation): answered with an RSErrorRsp fault
 * before the JAX-WS runtime sees it.
 */
public class WireFault extends Exception {
    private final StatusCode status;
    private final String details;

    public WireFault(StatusCode status, String details) {
        super(status.code() + " " + status.text() + ": " + details, null, false, false);
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
