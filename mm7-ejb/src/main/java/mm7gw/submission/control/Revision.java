package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.kernel.Address;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.CancelCommand;
import mm7gw.submission.boundary.ReplaceCommand;
import mm7gw.submission.boundary.RevisionResult;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;
import mm7gw.vasp.control.VaspAdmission;
import mm7gw.vasp.entity.Operation;
import mm7gw.vasp.entity.Vasp;

/**
 * MM7_cancel and MM7_replace (TS 23.140 §8.7.3.2). Only the VASP that submitted a message may change it; a
 * message of another VASP is answered exactly like an unknown MessageID (2005), so nothing leaks. Both act on
 * the recipients who have not retrieved the message yet (including those the fan-out has not created yet);
 * for the others the change is not possible. If it is possible for nobody, the answer is 3001 Not Possible.
 * Each affected recipient gets a history entry; the request gets one charging event. A refusal rolls back
 * everything the request did; the boundary charges it afterwards.
 */
@ApplicationScoped
public class Revision {
    @Inject
    VaspAdmission admission;

    @Inject
    Messages messages;

    @Inject
    RecipientHistory history;

    @Inject
    Charging charging;

    @Inject
    FanOutQueue fanOut;

    /**
     * @param login  the authenticated account
     * @param origin where the request came from, checked against the service level like a submit's
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RevisionResult cancel(String login, CancelCommand command, RequestOrigin origin) {
        if (command.defect() != null) {
            throw new Mm7Rejection(command.defect().status(), command.defect().details());
        }
        Vasp vasp = admission.admit(new VaspAdmission.Access(login, Operation.CANCEL,
                command.vaspId(), command.vasId(), command.transactionId(), origin));
        MultimediaMessage message = ownMessage(vasp, command.messageId());
        if (message.isCancelled()) {
            throw new Mm7Rejection(StatusCode.NOT_POSSIBLE, "the message has already been cancelled");
        }
        if (command.forListedRecipients()) {
            return cancelFor(message, command);
        }
        Affected affected = affected(message, "cancelled");
        Instant now = Instant.now();
        for (Recipient r : affected.recipients()) {
            r.cancelled(now);
            history.record(r, DeliveryOutcome.CANCELLED, "cancelled by the VASP (TransactionID "
                    + command.transactionId() + ")");
        }
        message.cancel();
        RevisionResult result = affected.result("cancelled");
        charging.record(ChargingEvent.cancelled(message.charged(), result.status(), affected.count())
                .describedBy(message.recordDetails().withApplication(cancelling(command, message))));
        return result;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    /**
     * A cancel for the recipients the request lists: each that has not retrieved the message is cancelled; the
     * others are named in Details (1100), and if none could be, the answer is 3001. A listed address the fan-out
     * has not created yet cannot be cancelled yet (the VASP may cancel it again a moment later).
     */
    private RevisionResult cancelFor(MultimediaMessage message, CancelCommand command) {
        Map<Address, Recipient> created = new HashMap<>();
        for (Recipient r : messages.recipients(message)) {
            created.put(r.address(), r);
        }
        Set<Long> withdrawable = new HashSet<>();
        messages.withdrawable(message).forEach(r -> withdrawable.add(r.id()));
        boolean allCreated = created.size() >= message.recipientCount();
        Instant now = Instant.now();
        int cancelled = 0;
        Set<Long> done = new HashSet<>();
        List<String> notCancelled = new ArrayList<>();
        for (SubmitCommand.RecipientInput listed : command.recipients()) {
            Address address;
            try {
                address = Address.parse(listed.type(), listed.value());
            } catch (Address.InvalidAddress e) {
                notCancelled.add(listed.value() + " (not an address)");
                continue;
            }
            Recipient r = created.get(address);
            if (r == null) {
                notCancelled.add(listed.value() + (allCreated ? " (not a recipient of the message)"
                        : " (not distributed yet; cancel again shortly)"));
            } else if (done.contains(r.id())) {
                continue;
            } else if (!withdrawable.contains(r.id())) {
                notCancelled.add(listed.value() + " (" + r.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            } else {
                r.cancelled(now);
                history.record(r, DeliveryOutcome.CANCELLED, "cancelled for this recipient by the VASP (TransactionID "
                        + command.transactionId() + ")");
                done.add(r.id());
                cancelled++;
            }
        }
        if (cancelled == 0) {
            throw new Mm7Rejection(StatusCode.NOT_POSSIBLE, "cancelled for no listed recipient: "
                    + String.join(", ", notCancelled));
        }
        RevisionResult result = notCancelled.isEmpty() ? new RevisionResult(StatusCode.SUCCESS, List.of())
                : new RevisionResult(StatusCode.PARTIAL_SUCCESS, List.of("cancelled for " + cancelled
                        + " listed recipient(s); not for " + String.join(", ", notCancelled)));
        charging.record(ChargingEvent.cancelled(message.charged(), result.status(), cancelled)
                .describedBy(message.recordDetails().withApplication(cancelling(command, message))));
        return result;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RevisionResult replace(String login, ReplaceCommand command, RequestOrigin origin) {
        if (command.defect() != null) {
            throw new Mm7Rejection(command.defect().status(), command.defect().details());
        }
        Vasp vasp = admission.admit(new VaspAdmission.Access(login, Operation.REPLACE,
                command.vaspId(), command.vasId(), command.transactionId(), origin), (v, terms) -> {
                    long size = command.content() == null ? 0 : command.content().body().length;
                    if (terms.maxMessageSize() != null && size > terms.maxMessageSize()) {
                        throw new Mm7Rejection(StatusCode.CONTENT_REFUSED, "content of " + size + " bytes exceeds the"
                                + " service level's maximum message size of " + terms.maxMessageSize() + " bytes");
                    }
                }, 0);
        MultimediaMessage message = ownMessage(vasp, command.messageId());
        if (message.isCancelled()) {
            throw new Mm7Rejection(StatusCode.NOT_POSSIBLE, "the message has been cancelled");
        }
        if (command.content() == null && command.serviceCode() == null && command.earliestDeliveryTime() == null
                && command.readReply() == null && !command.replacesAttributes()) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "ReplaceReq replaces nothing");
        }
        Affected affected = affected(message, "replaced");
        if (command.content() != null) {
            message.attach(new MessageContent(command.content().contentType(), command.content().body()));
        }
        message.replace(command.serviceCode(), command.earliestDeliveryTime(), command.readReply());
        if (command.timeStamp() != null) {
            message.restamp(command.timeStamp());
        }
        if (command.attributes() != null) {
            message.revise(command.attributes());
        }
        if (command.application() != null) {
            message.addressApplication(command.application());
        }
        for (Recipient r : affected.recipients()) {
            history.record(r, DeliveryOutcome.REPLACED, (command.content() == null ? "attributes" : "content")
                    + " replaced by the VASP (TransactionID " + command.transactionId() + ")");
        }
        if (command.earliestDeliveryTime() != null) {
            // deliver when the new time comes; a delivery already scheduled for later finds nothing to do
            Duration delay = Duration.between(Instant.now(), message.earliestDeliveryTime());
            for (int chunk : messages.chunksWithPending(message)) {
                fanOut.send(message.messageId(), chunk, FanOutQueue.Action.DELIVER, delay, message.earliestDeliveryTime(),
                        "replace-" + command.transactionId());
            }
        }
        RevisionResult result = affected.result("replaced");
        charging.record(ChargingEvent.replaced(message.charged(), result.status(), affected.count())
                .describedBy(message.recordDetails()));
        return result;
    }

    /** The application addressing a cancel's record names: the cancel's own values, the message's elsewhere. */
    private static ApplicationAddress cancelling(CancelCommand command, MultimediaMessage message) {
        return command.application() == null ? message.application() : command.application().over(message.application());
    }

    private MultimediaMessage ownMessage(Vasp vasp, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "MessageID is required");
        }
        return messages.lockedByMessageId(messageId.trim())
                .filter(m -> m.vaspId().equals(vasp.vaspId()))
                .orElseThrow(() -> new Mm7Rejection(StatusCode.MESSAGE_ID_NOT_FOUND,
                        "no message with MessageID '" + messageId.trim() + "'"));
    }

    private Affected affected(MultimediaMessage message, String what) {
        List<Recipient> withdrawable = messages.withdrawable(message);
        long created = messages.countRecipients(message);
        int notYetCreated = (int) (message.recipientCount() - created);
        int notPossible = (int) (created - withdrawable.size());
        if (withdrawable.isEmpty() && notYetCreated == 0) {
            throw new Mm7Rejection(StatusCode.NOT_POSSIBLE, "the message cannot be " + what + " for any recipient:"
                    + " each has already retrieved, rejected or lost it (expired or cancelled)");
        }
        return new Affected(withdrawable, withdrawable.size() + notYetCreated, notPossible);
    }

    private record Affected(List<Recipient> recipients, int count, int notPossible) {
        RevisionResult result(String what) {
            if (notPossible == 0) {
                return new RevisionResult(StatusCode.SUCCESS, List.of());
            }
            return new RevisionResult(StatusCode.PARTIAL_SUCCESS, List.of(what + " for " + count
                    + " recipient(s); not possible for " + notPossible
                    + " that had already retrieved, rejected or lost it"));
        }
    }
}
