package mm7gw.ws;

import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.DeliveryConditions;
import mm7gw.kernel.MessageClass;
import mm7gw.kernel.Priority;
import mm7gw.kernel.RecipientKind;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.AddressInput;
import mm7gw.submission.boundary.SubmitCommand.RecipientInput;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.entity.ContentAttributes;
import mm7gw.submission.entity.MessageContent;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.ReplyCharging;
import mm7gw.ws.binding.InboundMm7;
import mm7gw.ws.gen.AddressValueType;
import mm7gw.ws.gen.ChargedPartyType;
import mm7gw.ws.gen.MultiAddressType;
import mm7gw.ws.gen.RecipientsType;
import mm7gw.ws.gen.SenderIdentificationType;
import mm7gw.ws.gen.SingleAddressType;
import mm7gw.ws.gen.SubmitReq;

/** Reads a SubmitReq, with the content the MM7 binding resolved, into the business's {@link SubmitCommand}; values keep their exact text. */
final class SubmitTranslation {
    private SubmitTranslation() {
    }

    /**
     * The command, with what the binding read off the wire (the content, problems found there). A request that
     * cannot be read completely (a problem on the wire, a date in no format MM7 knows) becomes a command with its
     * {@link SubmitCommand.Defect} and the values that could be read, so that the refusal is charged with them.
     */
    static SubmitCommand command(SubmitReq req, String transactionId, Instant received, InboundMm7 inbound) {
        SenderIdentificationType id = req.getSenderIdentification();
        List<SubmitCommand.Defect> defects = new ArrayList<>();
        inbound.firstProblem().ifPresent(p -> defects.add(new SubmitCommand.Defect(p.status(), p.details())));
        String chargedPartyId = chargedPartyId(req, defects);
        ApplicationAddress application = ApplicationAddressing.of(req.getApplicID(), req.getReplyApplicID(),
                req.getAuxApplicInfo());
        ApplicationAddressing.defect(application).ifPresent(defects::add);
        Instant earliest = date("EarliestDeliveryTime", req.getEarliestDeliveryTime(), received, defects);
        Instant expiry = date("ExpiryDate", req.getExpiryDate(), received, defects);
        KeptLength.atMost("TransactionID", transactionId, MultimediaMessage.TRANSACTION_ID_LENGTH)
                .ifPresent(defects::add);
        KeptLength.atMost("Subject", req.getSubject(), MultimediaMessage.SUBJECT_LENGTH).ifPresent(defects::add);
        if (inbound.content() != null) {
            KeptLength.atMost("the Content-Type of the content", inbound.content().contentType(),
                    MessageContent.CONTENT_TYPE_LENGTH).ifPresent(defects::add);
        }
        return new SubmitCommand(
                transactionId,
                id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()),
                id == null ? null : address(id.getSenderAddress()),
                recipients(req.getRecipients()),
                req.getServiceCode(),
                trim(req.getLinkedID()),
                req.getMessageClass() == null ? null : MessageClass.valueOf(req.getMessageClass().name()),
                earliest,
                expiry,
                Boolean.TRUE.equals(req.isDeliveryReport()),
                Boolean.TRUE.equals(req.isReadReply()),
                req.getPriority() == null ? null : Priority.valueOf(req.getPriority().name()),
                req.getSubject(),
                req.getChargedParty() == null ? null : ChargedParty.valueOf(req.getChargedParty().name()),
                chargedPartyId,
                inbound.content(),
                attributes(req),
                application,
                deliveryConditions(req, defects),
                replyCharging(req, received, defects),
                defects.isEmpty() ? null : defects.get(0));
    }

    /**
     * The ChargedPartyID (trimmed) of a submit charged to a third party. TS 23.140 has it name the party that pays
     * when ChargedParty is ThirdParty: one without the other is refused (2000), as is an ID the gateway cannot keep
     * (empty, or longer than the charging record holds: 2007).
     */
    private static String chargedPartyId(SubmitReq req, List<SubmitCommand.Defect> defects) {
        String id = trim(req.getChargedPartyID());
        boolean thirdParty = req.getChargedParty() == ChargedPartyType.THIRD_PARTY;
        if (thirdParty && id == null) {
            defects.add(new SubmitCommand.Defect(StatusCode.CLIENT_ERROR,
                    "ChargedParty ThirdParty needs a ChargedPartyID naming the third party"));
        } else if (!thirdParty && id != null) {
            defects.add(new SubmitCommand.Defect(StatusCode.CLIENT_ERROR, "ChargedPartyID is only for ChargedParty "
                    + "ThirdParty, not " + (req.getChargedParty() == null ? "none" : req.getChargedParty().value())));
        } else {
            KeptLength.oneTo("ChargedPartyID", id, RecordDetails.CHARGED_PARTY_ID_LENGTH).ifPresent(defects::add);
        }
        return id;
    }

    /** ReplyCharging with its limits (replyChargingSize in bytes, replyDeadline absolute or relative); or null. */
    private static ReplyCharging replyCharging(SubmitReq req, Instant received, List<SubmitCommand.Defect> defects) {
        if (req.getReplyCharging() == null) {
            return null;
        }
        java.math.BigInteger size = req.getReplyCharging().getReplyChargingSize();
        if (size != null && (size.signum() <= 0 || size.bitLength() > 62)) {
            defects.add(new SubmitCommand.Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                    "ReplyCharging: replyChargingSize must be a positive number of bytes, not " + size));
            return null;
        }
        Instant deadline = date("ReplyCharging/@replyDeadline", req.getReplyCharging().getReplyDeadline(), received,
                defects);
        return new ReplyCharging(size == null ? null : size.longValue(), deadline);
    }

    /** The DeliveryCondition's DC values; a value that is not positive, or more than the gateway keeps: 2007. */
    private static DeliveryConditions deliveryConditions(SubmitReq req, List<SubmitCommand.Defect> defects) {
        if (req.getDeliveryCondition() == null) {
            return DeliveryConditions.NONE;
        }
        List<Integer> codes = new ArrayList<>();
        for (java.math.BigInteger dc : req.getDeliveryCondition().getDC()) {
            if (dc == null || dc.signum() <= 0 || dc.bitLength() > 31) {
                defects.add(new SubmitCommand.Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                        "DeliveryCondition: DC must be a positive integer, not " + dc));
                return DeliveryConditions.NONE;
            }
            codes.add(dc.intValue());
        }
        DeliveryConditions conditions = new DeliveryConditions(codes);
        if (conditions.text() != null && conditions.text().length() > DeliveryConditions.TEXT_LENGTH) {
            defects.add(new SubmitCommand.Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                    "DeliveryCondition: more DC values than the gateway keeps"));
            return DeliveryConditions.NONE;
        }
        return conditions;
    }

    /** TimeStamp, allowAdaptations (schema default true when Content is given), DistributionIndicator, ContentClass, DRMContent. */
    private static ContentAttributes attributes(SubmitReq req) {
        return new ContentAttributes(instant(req.getTimeStamp()),
                req.getContent() == null ? null : req.getContent().isAllowAdaptations(),
                req.isDistributionIndicator(), req.getContentClass() == null ? null : req.getContentClass().value(),
                req.isDRMContent());
    }

    static Instant instant(XMLGregorianCalendar timeStamp) {
        return timeStamp == null ? null : timeStamp.toGregorianCalendar().toInstant();
    }

    static List<RecipientInput> recipients(RecipientsType recipients) {
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

    /** The date, or null (and a defect) when it is in no format MM7 knows. */
    private static Instant date(String element, String text, Instant received, List<SubmitCommand.Defect> defects) {
        try {
            return RelativeOrAbsoluteDate.resolve(text, received);
        } catch (IllegalArgumentException e) {
            defects.add(new SubmitCommand.Defect(StatusCode.MESSAGE_FORMAT_CORRUPT, element + ": " + e.getMessage()));
            return null;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
