package mm7gw.ws;

import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Shapes MM7 faults on the way out: faultcode env:Client or env:Server by the class of the RSErrorRsp status
 * (TS 23.140: caller's fault for 2xxx, 4001-4004, 4007, 4008), faultstring the status text, and the request's
 * TransactionID echoed in the fault's header as in every MM7 response.
 */
public class Mm7FaultHandler implements SOAPHandler<SOAPMessageContext> {
    private static final String TRANSACTION_ID = "mm7gw.transactionId";

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (!Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            rememberTransactionId(context);
        }
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        try {
            SOAPEnvelope envelope = context.getMessage().getSOAPPart().getEnvelope();
            SOAPBody body = envelope.getBody();
            SOAPFault fault = body.getFault();
            if (fault != null) {
                shapeFault(fault);
                echoTransactionId(context, envelope);
            }
        } catch (SOAPException e) {
            // leave the fault as the runtime made it
        }
        return true;
    }

    private static void rememberTransactionId(SOAPMessageContext context) {
        try {
            SOAPHeader header = context.getMessage().getSOAPHeader();
            if (header == null) {
                return;
            }
            Iterator<?> it = header.examineAllHeaderElements();
            while (it.hasNext()) {
                SOAPHeaderElement e = (SOAPHeaderElement) it.next();
                if ("TransactionID".equals(e.getLocalName())) {
                    context.put(TRANSACTION_ID, new QName(e.getNamespaceURI(), e.getValue() == null ? "" : e.getValue().trim()));
                    context.setScope(TRANSACTION_ID, MessageContext.Scope.HANDLER);
                }
            }
        } catch (SOAPException | RuntimeException e) {
            // an unparsable request: the runtime answers it with a fault
        }
    }

    private static void shapeFault(SOAPFault fault) throws SOAPException {
        Integer code = statusCode(fault);
        if (code == null) {
            return;
        }
        boolean client = mm7gw.status.StatusCode.interpret(code).isClientFault();
        fault.setFaultCode(new QName(Mm7Namespace.SOAP_ENV, client ? "Client" : "Server"));
        fault.setFaultString(client ? "Client error" : "Server error");
    }

    private static Integer statusCode(SOAPFault fault) {
        if (fault.getDetail() == null) {
            return null;
        }
        NodeList codes = fault.getDetail().getElementsByTagNameNS("*", "StatusCode");
        if (codes.getLength() == 0) {
            return null;
        }
        try {
            return Integer.valueOf(codes.item(0).getTextContent().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void echoTransactionId(SOAPMessageContext context, SOAPEnvelope envelope) throws SOAPException {
        Object remembered = context.get(TRANSACTION_ID);
        if (!(remembered instanceof QName tx)) {
            return;
        }
        SOAPHeader header = envelope.getHeader() == null ? envelope.addHeader() : envelope.getHeader();
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("TransactionID".equals(n.getLocalName())) {
                return;
            }
        }
        SOAPHeaderElement e = header.addHeaderElement(new QName(tx.getNamespaceURI(), "TransactionID", "mm7"));
        e.setMustUnderstand(true);
        ((SOAPElement) e).addTextNode(tx.getLocalPart());
    }

    @Override
    public void close(MessageContext context) {
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of(Mm7Namespace.TRANSACTION_ID);
    }
}
