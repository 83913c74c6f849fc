package mm7gw.ws;

import java.math.BigInteger;
import java.util.List;
import mm7gw.status.StatusCode;
import mm7gw.ws.gen.RSErrorRsp;
import mm7gw.ws.gen.RSErrorRsp_Exception;
import mm7gw.ws.gen.ResponseType;
import mm7gw.ws.gen.StatusType;

/** Builds MM7 Status elements and responses, and the endpoint's RSErrorRsp exceptions. */
final class Mm7Responses {
    private Mm7Responses() {
    }

    static StatusType status(StatusCode code, List<String> details) {
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

    static <R extends ResponseType> R fill(R response, String mm7Version, StatusCode code, List<String> details) {
        response.setMM7Version(mm7Version);
        response.setStatus(status(code, details));
        return response;
    }

    /**
     * A request that cannot be processed as an MM7 operation: the exception the endpoint throws to say so. The fault
     * on the wire is not the runtime's rendering of it: the binding filter writes it with {@code SoapFaults} from
     * the status and details it carries.
     */
    static RSErrorRsp_Exception fault(String mm7Version, StatusCode code, String details) {
        RSErrorRsp rsp = fill(new RSErrorRsp(), mm7Version, code, details == null ? List.of() : List.of(details));
        return new RSErrorRsp_Exception(code.code() + " " + code.text(), rsp);
    }
}
