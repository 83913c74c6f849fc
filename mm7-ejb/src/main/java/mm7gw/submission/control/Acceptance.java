package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.kernel.Address;
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
 * Accepts MM7_submits in local database transactions, one submit ({@link #accept}) or a batch of them
 * ({@link #acceptAll}, see {@link AcceptanceBatches}) in each: admission, the answer to a retry, recipient
 * resolution, then the message, its content, its recipient list, its answer and its charging event in one write.
 * No other resource takes part: the hand-off to distribution happens after the commit ({@link DistributionQueue}).
 * A refusal ({@link Mm7Rejection}) of a submit accepted on its own rolls all of it back; in a batch it refuses that
 * submit alone, which has written nothing.
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

    /**
     * Accepts one submit in a transaction of its own; its kept answer is written at once, so a copy of the request
     * sent through another node at the same moment waits for it on the unique key (and then gets
     * {@link TransactionIdTaken}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SubmitResult accept(Submit submit) {
        Vasp vasp = admit(submit);
        Judged judged = judge(submit, vasp, answers.of(vasp.vaspId(), submit.command().transactionId()));
        return store(judged, true);
    }

    /**
     * Accepts a batch of submits in one transaction: each is admitted and judged on its own, a refusal
     * ({@link Mm7Rejection}) refuses that submit alone, and the accepted ones are written together at the commit
     * (one look-up of their TransactionIDs before, one batch of rows per table, written before the commit). Any other
     * failure, the commit's included, rolls back the whole batch: the caller then accepts its submits one at a time.
     * The expected one, a copy of a submit sent through another node that took its TransactionID since the look-up,
     * is thrown as {@link TransactionIdTaken}.
     *
     * @return the outcome of each submit, in the batch's order; valid once this transaction has committed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> acceptAll(List<Submit> submits) {
        Vasp[] vasps = new Vasp[submits.size()];
        Outcome[] outcomes = new Outcome[submits.size()];
        for (int i = 0; i < submits.size(); i++) {
            try {
                vasps[i] = admit(submits.get(i));
            } catch (Mm7Rejection refused) {
                outcomes[i] = Outcome.failed(refused);
            }
        }
        // the recipients of all, in one query of the directory: each submit's resolution then finds them kept
        resolver.prefetch(IntStream.range(0, vasps.length).filter(i -> vasps[i] != null)
                .mapToObj(i -> submits.get(i).command().recipients()).toList());
        AnsweredSubmits.Found earlier = answers.ofAll(IntStream.range(0, vasps.length).filter(i -> vasps[i] != null)
                .mapToObj(i -> new AnsweredSubmits.Key(vasps[i].vaspId(), submits.get(i).command().transactionId()))
                .toList());
        // nothing is written before every submit was judged: a query after a write would flush it on its own
        Judged[] judged = new Judged[submits.size()];
        for (int i = 0; i < submits.size(); i++) {
            if (vasps[i] != null) {
                try {
                    judged[i] = judge(submits.get(i), vasps[i],
                            earlier.of(vasps[i].vaspId(), submits.get(i).command().transactionId()));
                } catch (Mm7Rejection refused) {
                    outcomes[i] = Outcome.failed(refused);
                }
            }
        }
        for (int i = 0; i < submits.size(); i++) {
            if (judged[i] != null) {
                outcomes[i] = Outcome.answered(store(judged[i], false));
            }
        }
        answers.writeNow(); // a TransactionID taken meanwhile fails here, not the commit
        return List.of(outcomes);
    }

    /** What became of one submit of a batch: its answer, or what refused or failed it alone. */
    public record Outcome(SubmitResult answer, RuntimeException failure) {
        static Outcome answered(SubmitResult answer) {
            return new Outcome(answer, null);
        }

        static Outcome failed(RuntimeException failure) {
            return new Outcome(null, failure);
        }

        /** @return the answer; throws what refused or failed the submit */
        public SubmitResult get() {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    /**
     * A submit that passed every check: either a retry, answered as before, or the message to store, with the answer
     * its TransactionID was given before the window that started at {@code windowStart} (both null when none).
     */
    private record Judged(Submit submit, Vasp vasp, SubmitResult replayed, AnsweredSubmit outdated,
            Instant windowStart, MultimediaMessage message, RecipientResolution resolution, StatusCode status) {
        static Judged replay(SubmitResult answer) {
            return new Judged(null, null, answer, null, null, null, null, null);
        }
    }

    private Vasp admit(Submit submit) {
        SubmitCommand command = submit.command();
        if (command.defect() != null) {
            throw new Mm7Rejection(command.defect().status(), command.defect().details());
        }
        return admission.admit(submit.login(), command, submit.origin());
    }

    /** Every check of the submit after admission, and the message it makes; writes nothing. */
    private Judged judge(Submit submit, Vasp vasp, Optional<AnsweredSubmit> earlier) {
        SubmitCommand command = submit.command();
        AnsweredSubmit outdated = null;
        Instant windowStart = null;
        if (earlier.isPresent()) {
            windowStart = AnsweredSubmits.windowStart();
            if (!earlier.get().givenBefore(windowStart)) {
                return Judged.replay(replay(earlier.get(), submit.login(), submit.requestDigest()));
            }
            // answered before the TransactionID window: this is a new request, the old answer goes (only here, on a
            // reuse after the window, does the submit write anything for the window)
            outdated = earlier.get();
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
        return new Judged(submit, vasp, null, outdated, windowStart, message, resolution, status);
    }

    /**
     * Stores the judged submit's message, content, recipient list, kept answer and charging event, and hands the
     * message to distribution once the transaction commits.
     *
     * @param answerAtOnce whether to write the kept answer now (a clash on its unique key then throws
     *                     {@link TransactionIdTaken}) rather than at the commit
     */
    private SubmitResult store(Judged judged, boolean answerAtOnce) {
        if (judged.replayed() != null) {
            return judged.replayed();
        }
        Submit submit = judged.submit();
        MultimediaMessage message = judged.message();
        RecipientResolution resolution = judged.resolution();
        if (judged.outdated() != null) {
            answers.forget(judged.outdated(), judged.windowStart());
        }
        if (AnsweredSubmits.remembers(submit.command().transactionId())) {
            AnsweredSubmit answer = new AnsweredSubmit(judged.vasp().vaspId(), submit.command().transactionId(),
                    submit.login(), submit.requestDigest(), message.messageId(), judged.status(),
                    resolution.refused(), Instant.now());
            if (answerAtOnce) {
                try {
                    answers.addAtOnce(answer);
                } catch (PersistenceException taken) {
                    throw new TransactionIdTaken();
                }
            } else {
                answers.add(answer);
            }
        }
        messages.add(message);
        messages.add(new PlannedRecipients(message, resolution.accepted()));
        charging.record(ChargingEvent.submitted(message.charged().withRecipientCount(message.recipientCount()),
                judged.status()).describedBy(message.recordDetails().withRecipients(resolution.accepted().listed())));
        distribution.distribute(message.messageId());
        return SubmitResult.accepted(message.messageId(), judged.status(), resolution.refused());
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
