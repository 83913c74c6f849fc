package mm7gw.ws.binding;

import mm7gw.status.StatusCode;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.SoapFaults;

/**
 * An RSErrorRsp in a SOAP 1.1 fault, as every MM7 fault the gateway answers is written (for requests the JAX-WS
 * runtime never sees, and in place of every fault the runtime made, {@link Mm7Binding}): faultcode env:Client or
 * env:Server by the status class, the TransactionID echoed when the request had one, all in the caller's namespace.
 * The writing itself is the wire layer's ({@link SoapFaults}).
 */
public final class RsErrorFault {
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private RsErrorFault() {
    }

    public static byte[] envelope(Mm7Release release, String mm7Version, StatusCode status, String details,
            String transactionId) {
        return SoapFaults.rsError(release, transactionId, status.isClientFault(), mm7Version, status.code(),
                status.text(), details);
    }
}
