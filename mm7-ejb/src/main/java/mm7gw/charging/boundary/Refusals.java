package mm7gw.charging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.charging.entity.RecordType;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.entity.Address;
import mm7gw.submission.entity.RecipientList;
import mm7gw.vasp.control.VaspRegistry;
import mm7gw.vasp.entity.Vasp;

/**
 * Charges the requests the gateway refused. The refused request's own transaction rolls back (nothing of it
 * is stored), so the refusal is written in a transaction of its own (REQUIRES_NEW), by the endpoint, as soon as
 * the refused request's transaction has ended: never while that transaction is still open, which might hold the
 * writer's sequence counter and would then wait for itself.
 * <p>
 * The rule: a request refused with an MM7 status (an {@code Mm7Rejection}: 2xxx, 4xxx, and the 3xxx refusals
 * of an understood request) produces exactly one REJECTED event, charged to the VASP of the authenticated
 * account. A request that fails for another reason (3000 Server Error: a database or broker failure, a failed
 * commit) is not a result of the VASP's operation and produces no event; the VASP may retry it. A caller that
 * is not a registered VASP cannot be charged and produces no event.
 */
@Stateless
@RolesAllowed("vasp")
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    @Resource
    SessionContext context;

    @Inject
    VaspRegistry vasps;

    @Inject
    Charging charging;

    /** Charges a refused MM7_submit; the command holds the request as received. */
    public void submitRefused(SubmitCommand request, StatusCode status, String details) {
        String serviceCode = request.serviceCode() != null
                && request.serviceCode().length() > ChargingEvent.SERVICE_CODE_LENGTH ? null : request.serviceCode();
        ChargedOperation op = new ChargedOperation(null, clip(request.vasId(), 256), null,
                clip(request.linkedId(), 256), request.sender() == null ? null : clip(request.sender().value(), 256),
                null, request.recipients() == null ? 0 : request.recipients().size(),
                request.content() == null ? null : (long) request.content().body().length,
                request.content() == null ? null : clip(request.content().contentType(), 1000),
                request.chargedParty() == null ? null : request.chargedParty().name(),
                request.priority() == null ? null : request.priority().name(),
                request.messageClass() == null ? null : request.messageClass().name(), serviceCode);
        refused(RecordType.MM7_SUBMIT_REJECTED, op, status, details, requestDetails(request));
    }

    /** The refused request's facts for its TS 32.298 record: the recipients that are valid addresses. */
    private static RecordDetails requestDetails(SubmitCommand request) {
        RecipientList valid = new RecipientList();
        if (request.recipients() != null) {
            for (SubmitCommand.RecipientInput r : request.recipients()) {
                try {
                    if (r.type() != null && !r.displayOnly()) {
                        valid.add(Address.parse(r.type(), r.value()), r.kind());
                    }
                } catch (Address.InvalidAddress notAnAddress) {
                    // left out of the record's list; the status details say what was wrong with it
                }
            }
        }
        return RecordDetails.request(request.sender() == null ? null : request.sender().type(), Instant.now(),
                request.expiryDate(), request.earliestDeliveryTime(), request.deliveryReport(), request.readReply())
                .withRecipients(valid.entries());
    }

    /**
     * Charges any refused request to the authenticated account's VASP (whatever VASPID the request claimed).
     *
     * @return whether an event was written (not for 3000 Server Error nor for a caller that is no VASP)
     */
    public boolean refused(RecordType type, ChargedOperation op, StatusCode status, String details) {
        return refused(type, op, status, details, RecordDetails.NONE);
    }

    private boolean refused(RecordType type, ChargedOperation op, StatusCode status, String details,
            RecordDetails recordDetails) {
        if (status == StatusCode.SERVER_ERROR || status.isSuccess()) {
            return false;
        }
        String login = context.getCallerPrincipal().getName();
        Optional<Vasp> vasp = vasps.byLogin(login);
        if (vasp.isEmpty()) {
            LOG.warning(() -> "refused " + type + " of account '" + login + "' is not charged: no such VASP");
            return false;
        }
        ChargedOperation charged = new ChargedOperation(vasp.get().vaspId(), op.vasId(), op.messageId(),
                op.linkedId(), op.sender(), op.recipient(), op.recipientCount(), op.messageSize(), op.contentType(),
                op.chargedParty(), op.priority(), op.messageClass(), op.serviceCode());
        charging.record(ChargingEvent.rejected(type, charged, status, status.code() + " " + status.text()
                + (details == null ? "" : ": " + details)).describedBy(recordDetails));
        return true;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
