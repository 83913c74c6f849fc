package mm7gw.submission.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.submission.control.MessageIds;
import mm7gw.submission.control.Messages;
import mm7gw.submission.entity.Address;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.vasp.control.VaspAuthorisation;
import mm7gw.vasp.entity.Vasp;

/**
 * MM7_submit: authorises the caller, stores the message, writes its charging event and hands it to
 * distribution, all in one JTA transaction. A refusal ({@link Mm7Rejection}) rolls all of it back.
 */
@Stateless
@RolesAllowed("vasp")
public class SubmissionService {
    @Resource
    SessionContext context;

    @Inject
    VaspAuthorisation authorisation;

    @Inject
    Messages messages;

    @Inject
    Charging charging;

    @Inject
    DistributionQueue distribution;

    public SubmitResult submit(SubmitCommand command) {
        Vasp vasp = authorisation.authorise(context.getCallerPrincipal().getName(), command.vaspId(), command.vasId());
        if (command.serviceCode() != null && command.serviceCode().length() > ChargingEvent.SERVICE_CODE_LENGTH) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR,
                    "ServiceCode is longer than " + ChargingEvent.SERVICE_CODE_LENGTH + " characters");
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

        List<String> refused = new ArrayList<>();
        if (command.recipients() == null || command.recipients().isEmpty()) {
            throw new Mm7Rejection(StatusCode.VALIDATION_ERROR, "Recipients lists no address");
        }
        for (SubmitCommand.RecipientInput r : command.recipients()) {
            if (r.displayOnly()) {
                continue;
            }
            try {
                message.addRecipient(Address.parse(r.type(), r.value()), r.kind());
            } catch (Address.InvalidAddress e) {
                refused.add(e.getMessage());
            }
        }
        if (message.recipients().isEmpty()) {
            throw new Mm7Rejection(StatusCode.ADDRESS_ERROR, refused.isEmpty()
                    ? "every recipient is display-only" : "no valid recipient: " + String.join("; ", refused));
        }
        StatusCode status = refused.isEmpty() ? StatusCode.SUCCESS : StatusCode.PARTIAL_SUCCESS;
        messages.add(message);
        charging.record(ChargingEvent.submitted(message, status));
        distribution.distribute(message.messageId());
        return new SubmitResult(message.messageId(), status, refused);
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
