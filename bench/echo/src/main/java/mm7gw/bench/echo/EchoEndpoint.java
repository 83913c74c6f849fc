package mm7gw.bench.echo;

import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import java.math.BigInteger;
import mm7gw.ws.gen.CancelReq;
import mm7gw.ws.gen.CancelRsp;
import mm7gw.ws.gen.MM7RelayServerPortType;
import mm7gw.ws.gen.ReplaceReq;
import mm7gw.ws.gen.ReplaceRsp;
import mm7gw.ws.gen.StatusType;
import mm7gw.ws.gen.SubmitReq;
import mm7gw.ws.gen.SubmitRsp;
import mm7gw.ws.gen.TransactionID;

/**
 * The benchmark's baseline: the same JAX-WS stack, WSDL and envelope as the gateway, but no authentication,
 * no database, no JMS. It parses the request and answers a fixed SubmitRsp. Deployed only by the bench.
 */
@WebService(endpointInterface = "mm7gw.ws.gen.MM7RelayServerPortType",
        serviceName = "MM7RelayServerService", portName = "MM7RelayServerPort",
        targetNamespace = "urn:mm7gw:wsdl:mm7", wsdlLocation = "WEB-INF/wsdl/mm7.wsdl")
public class EchoEndpoint implements MM7RelayServerPortType {

    @Override
    public SubmitRsp submit(SubmitReq body, Holder<TransactionID> transactionID) {
        SubmitRsp rsp = new SubmitRsp();
        rsp.setMM7Version(body.getMM7Version());
        StatusType status = new StatusType();
        status.setStatusCode(BigInteger.valueOf(1000));
        status.setStatusText("Success");
        rsp.setStatus(status);
        rsp.setMessageID("echo-" + body.getRecipients().getTo().getNumberOrShortCodeOrRFC2822Address().size());
        return rsp;
    }

    @Override
    public CancelRsp cancel(CancelReq body, Holder<TransactionID> transactionID) {
        throw new UnsupportedOperationException("the echo endpoint only answers MM7_submit");
    }

    @Override
    public ReplaceRsp replace(ReplaceReq body, Holder<TransactionID> transactionID) {
        throw new UnsupportedOperationException("the echo endpoint only answers MM7_submit");
    }
}
