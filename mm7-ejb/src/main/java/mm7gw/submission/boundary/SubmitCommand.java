package mm7gw.submission.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.DeliveryConditions;
import mm7gw.kernel.MessageClass;
import mm7gw.kernel.Priority;
import mm7gw.kernel.RecipientKind;
import mm7gw.status.StatusCode;
import mm7gw.submission.entity.ContentAttributes;
import mm7gw.submission.entity.RecipientList;
import mm7gw.submission.entity.ReplyCharging;

/**
 * An MM7_submit as the business sees it, independent of the wire format and MM7 version. Addresses are
 * raw text; the submission service validates them. A request that could not be read completely carries its
 * {@link Defect}: the service refuses it, and charges the refusal with what could be read.
 */
public record SubmitCommand(
        String transactionId,
        String vaspId,
        String vasId,
        AddressInput sender,
        List<RecipientInput> recipients,
        String serviceCode,
        String linkedId,
        MessageClass messageClass,
        Instant earliestDeliveryTime,
        Instant expiryDate,
        boolean deliveryReport,
        boolean readReply,
        Priority priority,
        String subject,
        ChargedParty chargedParty,
        String chargedPartyId,
        ContentInput content,
        ContentAttributes attributes,
        ApplicationAddress application,
        DeliveryConditions deliveryConditions,
        ReplyCharging replyCharging,
        Defect defect) {

    /** A command without the Release 6 content attributes. */
    public SubmitCommand(String transactionId, String vaspId, String vasId, AddressInput sender,
            List<RecipientInput> recipients, String serviceCode, String linkedId, MessageClass messageClass,
            Instant earliestDeliveryTime, Instant expiryDate, boolean deliveryReport, boolean readReply,
            Priority priority, String subject, ChargedParty chargedParty, ContentInput content, Defect defect) {
        this(transactionId, vaspId, vasId, sender, recipients, serviceCode, linkedId, messageClass,
                earliestDeliveryTime, expiryDate, deliveryReport, readReply, priority, subject, chargedParty, null,
                content, ContentAttributes.NONE, ApplicationAddress.NONE, DeliveryConditions.NONE, null, defect);
    }

    /**
     * What makes the request unacceptable as it was read (a value in the wrong format, content that cannot be
     * taken), found before the business sees it; the submit is refused with this status and charged as such.
     */
    public record Defect(StatusCode status, String details) {
    }

    /**
     * What a charging event of the refused request says: the request's values as the VASP sent them, clipped to
     * what the event stores (a ServiceCode that is too long is left out, as it is the reason for the refusal).
     */
    public ChargedOperation asRefused() {
        return new ChargedOperation(null, clip(vasId, 256), null, clip(linkedId, 256),
                sender == null ? null : clip(sender.value(), 256), null, recipients == null ? 0 : recipients.size(),
                content == null ? null : (long) content.body().length,
                content == null ? null : clip(content.contentType(), 1000),
                chargedParty == null ? null : chargedParty.name(), priority == null ? null : priority.name(),
                messageClass == null ? null : messageClass.name(),
                serviceCode != null && serviceCode.length() > ChargingEvent.SERVICE_CODE_LENGTH ? null : serviceCode);
    }

    /** The refused request's facts for its TS 32.298 record: the recipients that are valid addresses. */
    public RecordDetails asRefusedRecord() {
        RecipientList valid = new RecipientList();
        if (recipients != null) {
            for (RecipientInput r : recipients) {
                try {
                    if (r.type() != null && !r.displayOnly()) {
                        valid.add(Address.parse(r.type(), r.value()), r.kind());
                    }
                } catch (Address.InvalidAddress notAnAddress) {
                    // left out of the record's list; the status details say what was wrong with it
                }
            }
        }
        return RecordDetails.request(sender == null ? null : sender.type(), Instant.now(), expiryDate,
                earliestDeliveryTime, deliveryReport, readReply).withRecipients(valid.listed())
                .withChargedPartyId(clip(chargedPartyId, RecordDetails.CHARGED_PARTY_ID_LENGTH))
                .withDistributionIndicator(attributes == null ? null : attributes.distributionIndicator())
                .withApplication(application == null ? null : new ApplicationAddress(
                        clip(application.applicId(), ApplicationAddress.ID_LENGTH),
                        clip(application.replyApplicId(), ApplicationAddress.ID_LENGTH),
                        clip(application.auxApplicInfo(), ApplicationAddress.INFO_LENGTH)));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The MIME entity Content href referenced: its Content-Type header value and its decoded body. */
    public record ContentInput(String contentType, byte[] body) {
    }

    public record AddressInput(AddressType type, String value) {
    }

    /** A recipient as listed in To, Cc or Bcc; display-only entries are shown but never delivered to. */
    public record RecipientInput(RecipientKind kind, AddressType type, String value, boolean displayOnly) {
    }
}
