package mm7gw.submission.boundary;

import mm7gw.charging.entity.RecordDetails;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.security.RequestOrigin;
import mm7gw.relay.control.LinkedIds;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import java.time.Instant;
import java.util.Optional;
import mm7gw.submission.control.AnsweredSubmits;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.submission.control.MessageIds;
import mm7gw.submission.control.Messages;
import mm7gw.submission.control.RecipientResolution;
import mm7gw.submission.control.RecipientResolver;
import mm7gw.submission.control.SubmitAdmission;
import mm7gw.submission.entity.Address;
import mm7gw.submission.entity.AnsweredSubmit;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.PlannedRecipients;
import mm7gw.vasp.entity.Vasp;

/**
 * MM7_submit: authorises the caller, stores the message, writes its charging event and hands it to
 * distribution, all in one JTA transaction. A refusal ({@link Mm7Rejection}) rolls all of it back.
 * <p>
 * A submit is idempotent per VASP and TransactionID: the answer to an accepted submit is stored with it
 * ({@link AnsweredSubmit}), and the same request again (a retry after a timeout) gets that answer, not a second
 * message. The same TransactionID on a different request is refused with 4004. Refused submits store nothing,
 * so retrying one is judged afresh.
 */
@Stateless
@RolesAllowed("vasp")
public class SubmissionService {
    @Resource
    SessionContext context;

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
    LinkedIds linkedIds;

    @Inject
    AnsweredSubmits answers;

    /** @param origin where the request came from (client address, TLS, auth mechanism), checked against the service level */
    public SubmitResult submit(SubmitCommand command, RequestOrigin origin) {
        return submit(command, origin, null);
    }

    /**
     * @param requestDigest a digest of the request as it came off the wire, to tell a retry of it from another
     *         request reusing its TransactionID; null when unknown (then the TransactionID alone decides)
     */
    public SubmitResult submit(SubmitCommand command, RequestOrigin origin, String requestDigest) {
        String login = context.getCallerPrincipal().getName();
        Vasp vasp = admission.admit(login, command, origin);
        Optional<AnsweredSubmit> earlier = answers.of(vasp.vaspId(), command.transactionId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), login, requestDigest);
        }
        if (command.serviceCode() != null && command.serviceCode().length() > ChargingEvent.SERVICE_CODE_LENGTH) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR,
                    "ServiceCode is longer than " + ChargingEvent.SERVICE_CODE_LENGTH + " characters");
        }
        if (command.linkedId() != null) {
            linkedIds.requireFor(vasp.vaspId(), command.linkedId());
        }
        MultimediaMessage message = new MultimediaMessage(MessageIds.next(), vasp, command.vasId(),
                command.transactionId(), sender(command.sender()));
        message.describe(command.subject(), command.priority(), command.messageClass());
        message.charge(command.serviceCode(), command.chargedParty(), command.linkedId());
        message.requestReports(command.deliveryReport(), command.readReply());
        message.schedule(command.earliestDeliveryTime(), command.expiryDate());
        if (command.content() != null) {
            message.attach(new MessageContent(command.content().contentType(), command.content().body()));
        }

        if (command.recipients() == null || command.recipients().isEmpty()) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "Recipients lists no address");
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
            answers.add(new AnsweredSubmit(vasp.vaspId(), command.transactionId(), login, requestDigest,
                    message.messageId(), status, resolution.refused(), Instant.now()));
        }
        messages.add(message);
        messages.add(new PlannedRecipients(message, resolution.accepted()));
        charging.record(ChargingEvent.submitted(message, status)
                .describedBy(RecordDetails.of(message).withRecipients(resolution.accepted().entries())));
        distribution.distribute(message.messageId());
        return new SubmitResult(message.messageId(), status, resolution.refused());
    }

    /**
     * After a submit failed without an MM7 status (e.g. a concurrent copy of the same request took the
     * TransactionID first): the answer the winner gave, if this request is a copy of it.
     */
    public Optional<SubmitResult> answerGivenMeanwhile(SubmitCommand command, String requestDigest) {
        String login = context.getCallerPrincipal().getName();
        return answers.of(command.vaspId(), command.transactionId())
                .filter(a -> a.isRetryOf(login, requestDigest))
                .map(a -> new SubmitResult(a.messageId(), a.status(), a.details()));
    }

    private static SubmitResult replay(AnsweredSubmit earlier, String login, String requestDigest) {
        if (!earlier.isRetryOf(login, requestDigest)) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "TransactionID '" + earlier.transactionId()
                    + "' was already used for a different request, answered with MessageID " + earlier.messageId()
                    + "; a new request needs a new TransactionID");
        }
        return new SubmitResult(earlier.messageId(), earlier.status(), earlier.details());
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
