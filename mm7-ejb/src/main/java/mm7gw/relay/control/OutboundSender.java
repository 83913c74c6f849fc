package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.charging.entity.RecordType;
import mm7gw.kernel.AddressType;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.relay.entity.OutboundState;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.status.StatusCode;
import mm7gw.submission.entity.Recipient;
import mm7gw.system.LogText;
import mm7gw.wire.VaspRequest;

/**
 * Makes one attempt of an outbound call: states the request it owes the VASP, has it sent ({@link VaspLink}) and
 * records the answer with its charging event in the caller's transaction. An attempt that must be retried is recorded on its own
 * ({@link OutboundFailures}) and reported to the caller, which rolls back so that the broker redelivers.
 */
@ApplicationScoped
public class OutboundSender {
    private static final Logger LOG = Logger.getLogger(OutboundSender.class.getName());

    @Inject
    EntityManager em;

    @Inject
    OutboundFailures failures;

    @Inject
    Charging charging;

    @Inject
    VaspLink link;

    /** @return false when the attempt failed and must be retried (the caller rolls back) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attempt(long callId) {
        OutboundCall call = em.find(OutboundCall.class, callId);
        if (call == null || !call.isOpen()) {
            return true;
        }
        long earlier = em.createNamedQuery(OutboundCall.EARLIER_OPEN, Long.class)
                .setParameter("messageId", call.messageId()).setParameter("id", call.id()).getSingleResult();
        if (earlier > 0) {
            failures.waiting(callId, "waiting for " + earlier + " earlier call(s) about this message");
            return false;
        }
        RelayEndpoint endpoint = em.createNamedQuery(RelayEndpoint.BY_VASP, RelayEndpoint.class)
                .setParameter("vaspId", call.vaspId().value()).getResultStream().findFirst().orElse(null);
        if (endpoint == null) {
            complete(call, OutboundState.REFUSED, null, null, "the VASP has no relay endpoint any more");
            return true;
        }
        String transactionId = "out-" + call.id();
        VaspRequest mm7Request;
        MoMessage mo = null;
        if (call.kind() == OutboundKind.DELIVER) {
            mo = em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class)
                    .setParameter("linkedId", call.messageId()).getSingleResult();
            mm7Request = OutboundRequests.deliver(mo);
        } else {
            Recipient about = call.recipientId() == null ? null : em.find(Recipient.class, call.recipientId());
            mm7Request = OutboundRequests.report(call, about == null ? null : about.message().application());
        }
        VaspLink.Outcome outcome = link.call(endpoint, mm7Request, transactionId,
                mo == null ? null : mo.text(), OutboundRequests.MO_TEXT_CID);
        VaspAnswer answer = outcome.answer();
        if (outcome.transportFailure()) {
            LOG.info(() -> "outbound call " + callId + " to " + LogText.escape(endpoint.url()) + " failed: "
                    + LogText.escape(answer.text()));
            mm7gw.metrics.Metrics.outboundCall(call.vaspId().value(), "IO_ERROR");
            failures.failed(callId, null, answer.text());
            return false;
        }
        if (answer.retry()) {
            LOG.info(() -> "outbound call " + callId + " to " + LogText.escape(endpoint.url()) + ": "
                    + LogText.escape(answer.text()));
            mm7gw.metrics.Metrics.outboundCall(call.vaspId().value(), "RETRY");
            failures.failed(callId, outcome.httpStatus(), answer.text());
            return false;
        }
        if (call.kind() == OutboundKind.DELIVER && answer.state() == OutboundState.SENT) {
            call.answeredServiceCode(answer.serviceCode());
        }
        if (answer.state() == OutboundState.REFUSED && outcome.httpStatus() != null) {
            LOG.info(() -> "outbound call " + callId + " to " + LogText.escape(endpoint.url()) + ": "
                    + LogText.escape(answer.text()));
        }
        complete(call, answer.state(), outcome.httpStatus(), answer.vaspStatus(), answer.text());
        return true;
    }

    private void complete(OutboundCall call, OutboundState state, Integer httpStatus, Integer vaspStatus,
            String text) {
        call.completed(state, httpStatus, vaspStatus, text);
        mm7gw.metrics.Metrics.outboundCall(call.vaspId().value(), state.name());
        StatusCode status = switch (state) {
            case SENT -> StatusCode.SUCCESS;
            case VASP_ERROR -> vaspStatus == null ? StatusCode.interpret(3000) : StatusCode.interpret(vaspStatus);
            default -> StatusCode.interpret(3000);
        };
        if (call.kind() == OutboundKind.DELIVER) {
            MoMessage mo = em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class)
                    .setParameter("linkedId", call.messageId()).getSingleResult();
            // a reply-charged reply is paid by its recipient, the VASP, against the message replied to
            ChargedOperation op = new ChargedOperation(call.vaspId(), null, null, mo.linkedId(), mo.sender(),
                    mo.shortCode(), 1, mo.size(), mo.text() == null ? null : "text/plain",
                    mo.replyChargingId() == null ? null : "RECIPIENT", null, null, null);
            RecordDetails details = RecordDetails.addresses(AddressType.NUMBER, AddressType.SHORT_CODE)
                    .withReplyChargingId(mo.replyChargingId());
            String failure = state == OutboundState.SENT ? null : text;
            // the request (MM7DRqRecord) and the VASP's answer (MM7DRsRecord), charged together once answered
            charging.record(ChargingEvent.of(RecordType.MM7_DELIVER, op, status, state.name(), failure).describedBy(details));
            // the answer's ServiceCode (DeliverRsp) is charged with the response
            ChargedOperation answered = new ChargedOperation(op.vaspId(), op.vasId(), op.messageId(), op.linkedId(),
                    op.sender(), op.recipient(), op.recipientCount(), op.messageSize(), op.contentType(),
                    op.chargedParty(), op.priority(), op.messageClass(), call.vaspServiceCode());
            charging.record(ChargingEvent.of(RecordType.MM7_DELIVER_RESPONSE, answered, status, state.name(), failure)
                    .describedBy(details));
            return;
        }
        Recipient r = em.find(Recipient.class, call.recipientId());
        if (r != null) {
            RecordType request = call.kind() == OutboundKind.DELIVERY_REPORT
                    ? RecordType.MM7_DELIVERY_REPORT : RecordType.MM7_READ_REPLY;
            RecordDetails details = r.recordDetails().withMmStatus(call.mmStatus(), call.eventAt());
            charging.record(ChargingEvent.forRecipient(request, r.charged(), status, state.name()).describedBy(details));
            charging.record(ChargingEvent.forRecipient(request.response(), r.charged(), status, state.name())
                    .describedBy(details));
        }
    }
}
