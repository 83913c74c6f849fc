package mm7gw.ws;

import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.boundary.SubmitCommand.AddressInput;
import mm7gw.submission.boundary.SubmitCommand.ContentInput;
import mm7gw.submission.boundary.SubmitCommand.RecipientInput;
import mm7gw.submission.entity.AddressType;
import mm7gw.submission.entity.ChargedParty;
import mm7gw.submission.entity.MessageClass;
import mm7gw.submission.entity.Priority;
import mm7gw.submission.entity.RecipientKind;
import mm7gw.ws.gen.AddressValueType;
import mm7gw.ws.gen.MultiAddressType;
import mm7gw.ws.gen.RecipientsType;
import mm7gw.ws.gen.SenderIdentificationType;
import mm7gw.ws.gen.SingleAddressType;
import mm7gw.ws.gen.SubmitReq;

/** Reads a SubmitReq, with the content the MM7 binding resolved, into the business's {@link SubmitCommand}; values keep their exact text. */
final class SubmitTranslation {
    private SubmitTranslation() {
    }

    static SubmitCommand command(SubmitReq req, String transactionId, Instant received, ContentInput content) {
        SenderIdentificationType id = req.getSenderIdentification();
        return new SubmitCommand(
                transactionId,
                id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()),
                id == null ? null : address(id.getSenderAddress()),
                recipients(req.getRecipients()),
                req.getServiceCode(),
                trim(req.getLinkedID()),
                req.getMessageClass() == null ? null : MessageClass.valueOf(req.getMessageClass().name()),
                date("EarliestDeliveryTime", req.getEarliestDeliveryTime(), received),
                date("ExpiryDate", req.getExpiryDate(), received),
                Boolean.TRUE.equals(req.isDeliveryReport()),
                Boolean.TRUE.equals(req.isReadReply()),
                req.getPriority() == null ? null : Priority.valueOf(req.getPriority().name()),
                req.getSubject(),
                req.getChargedParty() == null ? null : ChargedParty.valueOf(req.getChargedParty().name()),
                content);
    }

    /**
     * The request as received, for charging a refusal: {@link #command} without the dates when those could not
     * be read (the one thing that makes it refuse a request).
     */
    static SubmitCommand asReceived(SubmitReq req, String transactionId, Instant received, ContentInput content) {
        try {
            return command(req, transactionId, received, content);
        } catch (Mm7Rejection unreadableDate) {
            req.setEarliestDeliveryTime(null);
            req.setExpiryDate(null);
            return command(req, transactionId, received, content);
        }
    }

    private static List<RecipientInput> recipients(RecipientsType recipients) {
        List<RecipientInput> all = new ArrayList<>();
        if (recipients != null) {
            add(all, RecipientKind.TO, recipients.getTo());
            add(all, RecipientKind.CC, recipients.getCc());
            add(all, RecipientKind.BCC, recipients.getBcc());
        }
        return all;
    }

    private static void add(List<RecipientInput> all, RecipientKind kind, MultiAddressType list) {
        if (list == null) {
            return;
        }
        for (JAXBElement<AddressValueType> e : list.getNumberOrShortCodeOrRFC2822Address()) {
            all.add(new RecipientInput(kind, type(e.getName().getLocalPart()), e.getValue().getValue(),
                    e.getValue().isDisplayOnly()));
        }
    }

    private static AddressInput address(SingleAddressType a) {
        if (a == null) {
            return null;
        }
        if (a.getNumber() != null) {
            return new AddressInput(AddressType.NUMBER, a.getNumber().getValue());
        }
        if (a.getShortCode() != null) {
            return new AddressInput(AddressType.SHORT_CODE, a.getShortCode().getValue());
        }
        if (a.getRFC2822Address() != null) {
            return new AddressInput(AddressType.EMAIL, a.getRFC2822Address().getValue());
        }
        return null;
    }

    private static AddressType type(String element) {
        return switch (element) {
            case "Number" -> AddressType.NUMBER;
            case "ShortCode" -> AddressType.SHORT_CODE;
            default -> AddressType.EMAIL;
        };
    }

    private static Instant date(String element, String text, Instant received) {
        try {
            return RelativeOrAbsoluteDate.resolve(text, received);
        } catch (IllegalArgumentException e) {
            throw new Mm7Rejection(StatusCode.MESSAGE_FORMAT_CORRUPT, element + ": " + e.getMessage());
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
