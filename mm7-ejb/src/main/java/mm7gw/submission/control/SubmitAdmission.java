package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import mm7gw.kernel.Address;
import mm7gw.kernel.Priority;
import mm7gw.security.RequestOrigin;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.vasp.control.VaspAdmission;
import mm7gw.vasp.entity.Operation;
import mm7gw.vasp.entity.ServiceLevel;
import mm7gw.vasp.entity.Vasp;

/**
 * Admits an MM7_submit: the VASP gate ({@link VaspAdmission}: identification, access terms, rate limit) plus the
 * service level's limits on the message itself. Statuses: 2004 content too big; 2001 sender not allowed;
 * 3002 (message rejected by policy) for recipients, priority, charged party, expiry and report requests.
 */
@ApplicationScoped
public class SubmitAdmission {
    @Inject
    VaspAdmission gate;

    Clock clock = Clock.systemUTC();

    /** @return the VASP the submission acts for */
    public Vasp admit(String login, SubmitCommand command, RequestOrigin origin) {
        int recipients = recipientCount(command);
        return gate.admit(new VaspAdmission.Access(login, Operation.SUBMIT, command.vaspId(), command.vasId(),
                command.transactionId(), origin), (vasp, terms) -> check(command, recipients, terms, clock.instant()),
                Math.max(1, recipients));
    }

    static int recipientCount(SubmitCommand command) {
        return command.recipients() == null ? 0
                : (int) command.recipients().stream().filter(r -> !r.displayOnly()).count();
    }

    static void check(SubmitCommand c, int recipients, ServiceLevel.Terms t, Instant now) {
        long size = c.content() == null || c.content().body() == null ? 0 : c.content().body().length;
        if (t.maxMessageSize() != null && size > t.maxMessageSize()) {
            throw new Mm7Rejection(StatusCode.CONTENT_REFUSED, "content of " + size
                    + " bytes exceeds the service level's maximum message size of " + t.maxMessageSize() + " bytes");
        }
        if (t.maxRecipients() != null && recipients > t.maxRecipients()) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED, recipients
                    + " recipients exceed the service level's maximum of " + t.maxRecipients() + " per request");
        }
        if (!t.allowedSenders().isEmpty() && c.sender() != null && !senderAllowed(c.sender(), t)) {
            throw new Mm7Rejection(StatusCode.OPERATION_RESTRICTED, "SenderAddress '" + c.sender().value()
                    + "' is not one of the service level's allowed sender addresses and short codes");
        }
        Priority priority = c.priority() == null ? Priority.NORMAL : c.priority();
        if (!t.allowedPriorities().isEmpty() && !t.allowedPriorities().contains(priority)) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED, "Priority " + priority
                    + " is not allowed by the service level (allowed: " + t.allowedPriorities() + ")");
        }
        if (!t.allowedChargedParties().isEmpty() && c.chargedParty() != null
                && !t.allowedChargedParties().contains(c.chargedParty())) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED, "ChargedParty " + c.chargedParty()
                    + " is not allowed by the service level (allowed: " + t.allowedChargedParties() + ")");
        }
        if (t.maxExpiry() != null && c.expiryDate() != null && c.expiryDate().isAfter(now.plus(t.maxExpiry()))) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED, "ExpiryDate " + c.expiryDate()
                    + " is later than the service level's maximum expiry of " + t.maxExpiry() + " from now");
        }
        if (c.deliveryReport() && !t.deliveryReportAllowed()) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED,
                    "the service level does not allow requesting delivery reports (DeliveryReport)");
        }
        if (c.readReply() && !t.readReplyAllowed()) {
            throw new Mm7Rejection(StatusCode.MESSAGE_REJECTED,
                    "the service level does not allow requesting read replies (ReadReply)");
        }
    }

    private static boolean senderAllowed(SubmitCommand.AddressInput sender, ServiceLevel.Terms t) {
        String raw = sender.value() == null ? "" : sender.value().trim();
        String normalised;
        try {
            normalised = Address.parse(sender.type(), raw).value();
        } catch (Address.InvalidAddress e) {
            normalised = raw;
        }
        for (String allowed : t.allowedSenders()) {
            String bare = allowed.startsWith("+") ? allowed.substring(1) : allowed;
            if (allowed.equalsIgnoreCase(raw) || allowed.equalsIgnoreCase(normalised) || bare.equals(normalised)) {
                return true;
            }
        }
        return false;
    }
}
