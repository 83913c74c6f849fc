package mm7gw.ws.binding;

import java.math.BigInteger;
import java.util.List;
import mm7gw.status.StatusCode;
import mm7gw.ws.gen.ResponseType;
import mm7gw.ws.gen.StatusType;

/** Builds the MM7 Status element of every answer, responses and RSErrorRsp faults ({@link Mm7Fault}) alike. */
public final class Mm7Responses {
    private Mm7Responses() {
    }

    /** The Status: the code, its StatusText, and the details joined by "; " (no Details without any). */
    public static StatusType status(StatusCode code, List<String> details) {
        StatusType status = new StatusType();
        status.setStatusCode(BigInteger.valueOf(code.code()));
        status.setStatusText(code.text());
        if (details != null && !details.isEmpty()) {
            StatusType.Details d = new StatusType.Details();
            d.getContent().add(String.join("; ", details));
            status.setDetails(d);
        }
        return status;
    }

    public static <R extends ResponseType> R fill(R response, String mm7Version, StatusCode code, List<String> details) {
        response.setMM7Version(mm7Version);
        response.setStatus(status(code, details));
        return response;
    }
}
