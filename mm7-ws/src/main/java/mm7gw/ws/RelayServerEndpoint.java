package mm7gw.ws;

import jakarta.ejb.EJBAccessException;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.xml.namespace.QName;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.MessageRevision;
import mm7gw.submission.boundary.RevisionResult;
import mm7gw.submission.boundary.SubmissionService;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.metrics.Metrics;
import mm7gw.submission.boundary.SubmitResult;
import mm7gw.wire.Mm7Release;
import mm7gw.wire.SoapWriter;
import mm7gw.ws.binding.InboundMm7;
import mm7gw.ws.binding.Mm7Fault;
import mm7gw.ws.binding.Mm7Responses;
import mm7gw.ws.binding.RequestDigest;
import mm7gw.ws.gen.CancelReq;
import mm7gw.ws.gen.CancelRsp;
import mm7gw.ws.gen.MM7RelayServerPortType;
import mm7gw.ws.gen.RSErrorRsp_Exception;
import mm7gw.ws.gen.ReplaceReq;
import mm7gw.ws.gen.ReplaceRsp;
import mm7gw.ws.gen.SubmitReq;
import mm7gw.ws.gen.SubmitRsp;
import mm7gw.ws.gen.TransactionID;
import mm7gw.ws.gen.VaspRequestType;

/**
 * The gateway's MM7 endpoint (the Relay/Server side that VASPs call). Translates between the wire types and
 * the business facades, and maps every outcome to an MM7 status: a normal response where the operation was
 * understood, an RSErrorRsp fault where the request cannot be processed at all.
 * <p>
 * Deployed by Metro from {@code WEB-INF/sun-jaxws.xml} on both servers. Metro makes the instance, so the container
 * injects nothing into it: the business EJBs are the WAR's {@code ejb-local-ref}s (web.xml), looked up on first use;
 * Metro itself injects the {@link WebServiceContext}.
 */
@WebService(endpointInterface = "mm7gw.ws.gen.MM7RelayServerPortType",
        serviceName = "MM7RelayServerService", portName = "MM7RelayServerPort",
        targetNamespace = "urn:mm7gw:wsdl:mm7", wsdlLocation = "WEB-INF/wsdl/mm7.wsdl")
public class RelayServerEndpoint implements MM7RelayServerPortType {
    private static final Logger LOG = Logger.getLogger(RelayServerEndpoint.class.getName());
    private static final QName MUST_UNDERSTAND = new QName(SoapWriter.SOAP_ENV, "mustUnderstand");

    private final EjbReference<SubmissionService> submissions =
            new EjbReference<>("java:comp/env/ejb/SubmissionService", SubmissionService.class);
    private final EjbReference<MessageRevision> revisions =
            new EjbReference<>("java:comp/env/ejb/MessageRevision", MessageRevision.class);

    @Resource
    WebServiceContext context;

    @Override
    public SubmitRsp submit(SubmitReq body, Holder<TransactionID> transactionID) throws RSErrorRsp_Exception {
        String version = version(body);
        String tx = transactionId(transactionID, version);
        long start = System.nanoTime();
        String vasp = context.getUserPrincipal() == null ? "" : context.getUserPrincipal().getName();
        int status = StatusCode.interpret(3000).code();
        try {
            SubmitCommand command = SubmitTranslation.command(body, tx, Instant.now(), InboundMm7.of(context));
            SubmitResult result = submissions.get().submit(command, origin(), RequestDigest.of(context));
            status = result.status().code();
            return submitRsp(version, result);
        } catch (EJBAccessException e) {
            status = StatusCode.SERVICE_DENIED.code();
            throw fault(version, StatusCode.SERVICE_DENIED, "the account may not submit messages");
        } catch (RuntimeException e) {
            throw serverError(version, "submit", tx, e);
        } finally {
            Metrics.submit(vasp, status, System.nanoTime() - start);
        }
    }

    /** A SubmitRsp with the answer's status; a refusal that cannot be processed as an operation is a fault. */
    private SubmitRsp submitRsp(String version, SubmitResult result) throws RSErrorRsp_Exception {
        if (!result.isAccepted() && asFault(result.status())) {
            throw fault(version, result.status(), String.join("; ", result.details()));
        }
        SubmitRsp rsp = Mm7Responses.fill(new SubmitRsp(), version, result.status(), result.details());
        rsp.setMessageID(result.isAccepted() ? result.messageId() : "");
        return rsp;
    }

    @Override
    public CancelRsp cancel(CancelReq body, Holder<TransactionID> transactionID) throws RSErrorRsp_Exception {
        String version = version(body);
        String tx = transactionId(transactionID, version);
        try {
            InboundMm7.of(context).requireNoProblem();
            RevisionResult result = revisions.get().cancel(RevisionTranslation.cancel(body, tx), origin());
            return Mm7Responses.fill(new CancelRsp(), version, result.status(), result.details());
        } catch (Mm7Rejection e) {
            if (asFault(e.status())) {
                throw fault(version, e.status(), e.details());
            }
            return Mm7Responses.fill(new CancelRsp(), version, e.status(), java.util.List.of(e.details()));
        } catch (EJBAccessException e) {
            throw fault(version, StatusCode.SERVICE_DENIED, "the account may not cancel messages");
        } catch (RuntimeException e) {
            throw serverError(version, "cancel", tx, e);
        }
    }

    @Override
    public ReplaceRsp replace(ReplaceReq body, Holder<TransactionID> transactionID) throws RSErrorRsp_Exception {
        String version = version(body);
        String tx = transactionId(transactionID, version);
        try {
            InboundMm7 inbound = InboundMm7.of(context);
            inbound.requireNoProblem();
            RevisionResult result = revisions.get().replace(RevisionTranslation.replace(body, tx, Instant.now(), inbound.content()),
                    origin());
            return Mm7Responses.fill(new ReplaceRsp(), version, result.status(), result.details());
        } catch (Mm7Rejection e) {
            if (asFault(e.status())) {
                throw fault(version, e.status(), e.details());
            }
            return Mm7Responses.fill(new ReplaceRsp(), version, e.status(), java.util.List.of(e.details()));
        } catch (EJBAccessException e) {
            throw fault(version, StatusCode.SERVICE_DENIED, "the account may not replace messages");
        } catch (RuntimeException e) {
            throw serverError(version, "replace", tx, e);
        }
    }

    /** Client address, TLS and authentication mechanism of the current request, for the service-level checks. */
    private RequestOrigin origin() {
        Object request = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        if (!(request instanceof HttpServletRequest http)) {
            return RequestOrigin.UNKNOWN;
        }
        return new RequestOrigin(http.getRemoteAddr(), http.isSecure(), http.getAuthType());
    }

    /** Identification, authorisation, version and validation failures cannot be processed as an operation. */
    private static boolean asFault(StatusCode status) {
        return status.code() >= 4000 || status == StatusCode.SERVER_ERROR;
    }

    private static String version(VaspRequestType request) {
        String v = request == null ? null : request.getMM7Version();
        return v == null || v.isBlank() ? Mm7Release.CANONICAL.usualVersion() : v.trim();
    }

    /** The TransactionID header is mandatory; it is echoed (trimmed) with mustUnderstand="1". */
    private String transactionId(Holder<TransactionID> holder, String version) throws RSErrorRsp_Exception {
        if (holder == null || holder.value == null || holder.value.getValue() == null
                || holder.value.getValue().isBlank()) {
            throw fault(version, StatusCode.VALIDATION_ERROR, "the SOAP header has no TransactionID");
        }
        TransactionID id = holder.value;
        id.setValue(id.getValue().trim());
        id.getOtherAttributes().put(MUST_UNDERSTAND, "1");
        return id.getValue();
    }

    /** A request that cannot be processed as an operation: the exception to throw, the fault the binding writes. */
    private RSErrorRsp_Exception fault(String version, StatusCode status, String details) {
        return Mm7Fault.rsError(version, status, details).raise(context);
    }

    private RSErrorRsp_Exception serverError(String version, String operation, String tx, RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, operation + " failed (TransactionID " + mm7gw.system.LogText.escape(tx) + ", incident " + incident + ")", e);
        return fault(version, StatusCode.SERVER_ERROR,
                "the request could not be executed; incident " + incident);
    }

    /** An EJB reference of the WAR, looked up the first time it is used (EJB proxies are shared by all threads). */
    private static final class EjbReference<T> {
        private final String name;
        private final Class<T> type;
        private volatile T bean;

        EjbReference(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        T get() {
            T found = bean;
            if (found == null) {
                try {
                    found = type.cast(new InitialContext().lookup(name));
                } catch (NamingException e) {
                    throw new IllegalStateException("the EJB reference " + name + " cannot be looked up", e);
                }
                bean = found;
            }
            return found;
        }
    }
}
