package mm7gw.wire;

import java.math.BigInteger;
import mm7gw.ws.gen.ObjectFactory;
import mm7gw.ws.gen.RSErrorRsp;
import mm7gw.ws.gen.StatusType;

/**
 * The one way the gateway writes a SOAP fault, from the generated types: an RSErrorRsp in the fault's detail
 * (TS 23.140 §8.7.x error responses) with the request's TransactionID echoed, all in the caller's release; or a
 * MustUnderstand fault (SOAP 1.1 §4.4), which concerns a header and so carries no detail.
 */
public final class SoapFaults {
    private static final ObjectFactory TYPES = new ObjectFactory();

    private SoapFaults() {
    }

    /**
     * @param client        the caller's fault (faultcode env:Client, faultstring "Client error"), else the server's
     * @param transactionId echoed in the header; null or empty: no header
     * @param details       the Status's Details; null or empty: none
     */
    public static byte[] rsError(Mm7Release release, String transactionId, boolean client, String mm7Version,
            int statusCode, String statusText, String details) {
        RSErrorRsp rsp = TYPES.createRSErrorRsp();
        rsp.setMM7Version(mm7Version);
        StatusType status = TYPES.createStatusType();
        status.setStatusCode(BigInteger.valueOf(statusCode));
        status.setStatusText(statusText);
        if (details != null && !details.isEmpty()) {
            StatusType.Details d = TYPES.createStatusTypeDetails();
            d.getContent().add(details);
            status.setDetails(d);
        }
        rsp.setStatus(status);
        return new SoapWriter(release).transactionId(transactionId)
                .fault(client ? "Client" : "Server", client ? "Client error" : "Server error", rsp).bytes();
    }

    /** A MustUnderstand fault with this faultstring. */
    public static byte[] mustUnderstand(String faultString) {
        return new SoapWriter(Mm7Release.CANONICAL).fault("MustUnderstand", faultString, null).bytes();
    }
}
