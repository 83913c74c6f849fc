package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.kernel.Address;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.boundary.SubmitResult;
import mm7gw.submission.entity.AnsweredSubmit;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.PlannedRecipients;
import mm7gw.vasp.entity.Vasp;

/**
 * Accepts an MM7_submit in one local database transaction: admission, the answer to a retry, recipient
 * resolution, then the message, its content, its recipient list, its answer and its charging event in one write.
 * No other resource takes part: the hand-off to distribution happens after the commit ({@link DistributionQueue}).
 * A refusal ({@link Mm7Rejection}) rolls all of it back.
 */
@ApplicationScoped
public class Acceptance {
    @Inject
    SubmitAdmission admission;

    @Inject
    Messages messages;

    @Inject
    Charging charging;

    @Inject
    DistributionQueue distribution;

    @Inject
    RecipientResolver resolver;

    @Inject
    Event<LinkedIdNamed> linkedIds;

    @Inject
    AnsweredSubmits answers;


    /** Thrown when a copy of the request, sent at the same time through another node, took its TransactionID. */
    public static final class TransactionIdTaken extends RuntimeException {
        TransactionIdTaken() {
            super(null, null, false, false);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SubmitResult accept(String login, SubmitCommand command, RequestOrigin origin, String requestDigest) {
        if (command.defect() != null) {
            throw new Mm7Rejection(command.defect().status(), command.defect().details());
        }
        Vasp vasp = admission.admit(login, command, origin);
        Optional<AnsweredSubmit> earlier = answers.of(vasp.vaspId(), command.transactionId());
        if (earlier.isPresent()) {
            Instant windowStart = AnsweredSubmits.windowStart();
            if (!earlier.get().givenBefore(windowStart)) {
                return replay(earlier.get(), login, requestDigest);
            }
            // answered before the TransactionID window: this is a new request, the old answer goes (only here, on a
            // reuse after the window, does the submit write anything for the window)
            answers.forget(earlier.get(), windowStart);
        }
        if (command.serviceCode() != null && command.serviceCode().length() > ChargingEvent.SERVICE_CODE_LENGTH) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR,
                    "ServiceCode is longer than " + ChargingEvent.SERVICE_CODE_LENGTH + " characters");
        }
        if (command.linkedId() != null) {
            LinkedIdNamed named = new LinkedIdNamed(vasp.vaspId(), command.linkedId().trim());
            linkedIds.fire(named);
            if (!named.confirmed()) {
                throw new Mm7Rejection(StatusCode.LINKED_ID_NOT_FOUND, "LinkedID " + command.linkedId()
                        + " does not name a message delivered to VASP " + vasp.vaspId());
            }
        }
        if (command.recipients() == null || command.recipients().isEmpty()) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "Recipients lists no address");
        }
        MultimediaMessage message = new MultimediaMessage(MessageIds.next(), vasp, command.vasId(),
                command.transactionId(), sender(command.sender()));
        message.describe(command.subject(), command.priority(), command.messageClass());
        message.charge(command.serviceCode(), command.chargedParty(), command.chargedPartyId(), command.linkedId());
        message.requestReports(command.deliveryReport(), command.readReply());
        message.schedule(command.earliestDeliveryTime(), command.expiryDate());
        if (command.attributes() != null) {
            message.annotate(command.attributes());
        }
        if (command.replyCharging() != null) {
            message.offerReplyCharging(command.replyCharging());
        }
        if (command.deliveryConditions() != null) {
            message.condition(command.deliveryConditions());
        }
        if (command.application() != null) {
            message.addressApplication(command.application());
        }
        if (command.content() != null) {
            message.attach(new MessageContent(command.content().contentType(), command.content().body()));
        }

        RecipientResolution resolution = resolver.resolve(command.recipients());
        int limit = Integer.getInteger("mm7.submit.max-recipients", 10_000);
        if (resolution.accepted().size() > limit) {
            throw new Mm7Rejection(StatusCode.OPERATION_RESTRICTED, resolution.accepted().size()
                    + " distinct recipients exceed the limit of " + limit + " per message");
        }
        message.distributeTo(resolution.accepted().size(), Integer.getInteger("mm7.fanout.chunk-size", 500));
        StatusCode status = resolution.refused().isEmpty() ? StatusCode.SUCCESS : StatusCode.PARTIAL_SUCCESS;
        if (AnsweredSubmits.remembers(command.transactionId())) {
            try {
                answers.add(new AnsweredSubmit(vasp.vaspId(), command.transactionId(), login, requestDigest,
                        message.messageId(), status, resolution.refused(), Instant.now()));
            } catch (PersistenceException taken) {
                throw new TransactionIdTaken();
            }
        }
        messages.add(message);
        messages.add(new PlannedRecipients(message, resolution.accepted()));
        charging.record(ChargingEvent.submitted(message.charged().withRecipientCount(message.recipientCount()), status)
                .describedBy(message.recordDetails().withRecipients(resolution.accepted().listed())));
        distribution.distribute(message.messageId());
        return SubmitResult.accepted(message.messageId(), status, resolution.refused());
    }

    /** The answer already given to this TransactionID, if this request is a retry of that one; 4004 otherwise. */
    private static SubmitResult replay(AnsweredSubmit earlier, String login, String requestDigest) {
        if (!earlier.isRetryOf(login, requestDigest)) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "TransactionID '" + earlier.transactionId()
                    + "' was already used for a different request, answered with MessageID " + earlier.messageId()
                    + "; a new request needs a new TransactionID");
        }
        return SubmitResult.accepted(earlier.messageId(), earlier.status(), earlier.details());
    }

    private static Address sender(SubmitCommand.AddressInput sender) {
        if (sender == null) {
            return null;
        }
        try {
            return Address.parse(sender.type(), sender.value());
        } catch (Address.InvalidAddress e) {
            throw new Mm7Rejection(StatusCode.ADDRESS_ERROR, "SenderAddress " + e.getMessage());
        }
    }
}
