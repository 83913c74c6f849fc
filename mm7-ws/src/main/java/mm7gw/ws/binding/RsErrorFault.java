package mm7gw.ws.binding;

import java.nio.charset.StandardCharsets;
import mm7gw.status.StatusCode;

/**
 * An RSErrorRsp in a SOAP 1.1 fault: the one way every MM7 fault the gateway answers is written (for requests the
 * JAX-WS runtime never sees, and in place of every fault the runtime made): faultcode env:Client or env:Server by
 * the status class, the TransactionID echoed when the request had one, all in the caller's namespace.
 */
public final class RsErrorFault {
    public static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    private RsErrorFault() {
    }

    public static byte[] envelope(Mm7Release release, String mm7Version, StatusCode status, String details,
            String transactionId) {
        boolean client = status.isClientFault();
        StringBuilder b = new StringBuilder(1024);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        b.append("<env:Envelope xmlns:env=\"").append(SOAP_ENV).append("\">");
        if (transactionId != null && !transactionId.isEmpty()) {
            b.append("<env:Header><mm7:TransactionID xmlns:mm7=\"").append(release.namespace())
                    .append("\" env:mustUnderstand=\"1\">").append(Xml.escape(transactionId))
                    .append("</mm7:TransactionID></env:Header>");
        }
        b.append("<env:Body><env:Fault>");
        b.append("<faultcode>env:").append(client ? "Client" : "Server").append("</faultcode>");
        b.append("<faultstring>").append(client ? "Client error" : "Server error").append("</faultstring>");
        b.append("<detail><RSErrorRsp xmlns=\"").append(release.namespace()).append("\">");
        b.append("<MM7Version>").append(Xml.escape(mm7Version)).append("</MM7Version>");
        b.append("<Status><StatusCode>").append(status.code()).append("</StatusCode>");
        b.append("<StatusText>").append(Xml.escape(status.text())).append("</StatusText>");
        if (details != null && !details.isEmpty()) {
            b.append("<Details>").append(Xml.escape(details)).append("</Details>");
        }
        b.append("</Status></RSErrorRsp></detail></env:Fault></env:Body></env:Envelope>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
