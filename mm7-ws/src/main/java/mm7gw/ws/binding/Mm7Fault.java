package mm7gw.ws.binding;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.IOException;
import java.util.List;
import mm7gw.status.StatusCode;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.SoapWriter;
import mm7gw.ws.gen.RSErrorRsp;
import mm7gw.ws.gen.RSErrorRsp_Exception;

/**
 * The one way the Relay/Server builds a SOAP 1.1 fault, whoever raises it: the binding for a request it refuses
 * before the JAX-WS runtime sees it, the endpoint for a request it cannot process as an operation, and the binding
 * again in place of a fault the runtime made itself.
 * <ul>
 * <li>{@link #rsError}: an RSErrorRsp in the fault's detail (TS 23.140 §8.7 error responses), faultcode env:Client
 * or env:Server by the status class, in the caller's release, with the request's TransactionID echoed;</li>
 * <li>{@link #notUnderstood}: a MustUnderstand fault (SOAP 1.1 §4.4), which concerns a header and so carries no
 * detail.</li>
 * </ul>
 * The endpoint throws the fault as the RSErrorRsp_Exception of the generated port type ({@link #raise}); the
 * runtime's rendering of that exception is not what the VASP gets: the binding writes this same fault in the
 * caller's release ({@link #raised}). The envelope itself is the wire layer's ({@link SoapWriter}).
 */
public final class Mm7Fault {
    /** Request attribute: the fault the endpoint raised for the request. */
    private static final String RAISED = Mm7Fault.class.getName();

    private final String faultCode;
    private final String faultString;
    /** null for a MustUnderstand fault */
    private final RSErrorRsp detail;

    private Mm7Fault(String faultCode, String faultString, RSErrorRsp detail) {
        this.faultCode = faultCode;
        this.faultString = faultString;
        this.detail = detail;
    }

    /**
     * An RSErrorRsp fault.
     *
     * @param details the Status's Details; null or empty: none
     */
    public static Mm7Fault rsError(String mm7Version, StatusCode status, String details) {
        RSErrorRsp rsp = Mm7Responses.fill(new RSErrorRsp(), mm7Version, status,
                details == null || details.isEmpty() ? List.of() : List.of(details));
        boolean client = status.isClientFault();
        return new Mm7Fault(client ? "Client" : "Server", client ? "Client error" : "Server error", rsp);
    }

    /** The MustUnderstand fault for a header block, named {namespace}localName in the faultstring. */
    static Mm7Fault notUnderstood(String headerBlock) {
        return new Mm7Fault("MustUnderstand", "the header block " + headerBlock
                + " is marked mustUnderstand, and the MM7 Relay/Server does not understand it", null);
    }

    /**
     * The exception the endpoint throws for this fault. The fault is kept with the servlet request of the call, so
     * that the binding answers with it.
     */
    public RSErrorRsp_Exception raise(WebServiceContext context) {
        Object request = context == null ? null : context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        if (request instanceof ServletRequest servletRequest) {
            servletRequest.setAttribute(RAISED, this);
        }
        return new RSErrorRsp_Exception(detail.getStatus().getStatusCode() + " " + detail.getStatus().getStatusText(),
                detail);
    }

    /** The fault the endpoint raised for this request; null when it raised none. */
    static Mm7Fault raised(ServletRequest request) {
        return request.getAttribute(RAISED) instanceof Mm7Fault fault ? fault : null;
    }

    /** The fault envelope in this release, the TransactionID (if not null or empty) in its header. */
    byte[] envelope(Mm7Release release, String transactionId) {
        return new SoapWriter(release).transactionId(transactionId).fault(faultCode, faultString, detail).bytes();
    }

    /** The fault as the HTTP answer: status 500 (SOAP 1.1 §6.2), text/xml. */
    void write(HttpServletResponse response, Mm7Release release, String transactionId) throws IOException {
        byte[] envelope = envelope(release, transactionId);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml; charset=utf-8");
        response.setContentLength(envelope.length);
        response.getOutputStream().write(envelope);
    }
}
