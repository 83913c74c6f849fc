package mm7gw.submission.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.submission.entity.AddressType;
import mm7gw.submission.entity.ChargedParty;
import mm7gw.submission.entity.MessageClass;
import mm7gw.submission.entity.Priority;
import mm7gw.submission.entity.RecipientKind;

/**
 * An MM7_submit as the business sees it, independent of the wire format and MM7 version. Addresses are
 * raw text; the submission service validates them.
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
        ContentInput content) {

    /** The MIME entity Content href referenced: its Content-Type header value and its decoded body. */
    public record ContentInput(String contentType, byte[] body) {
    }

    public record AddressInput(AddressType type, String value) {
    }

    /** A recipient as listed in To, Cc or Bcc; display-only entries are shown but never delivered to. */
    public record RecipientInput(RecipientKind kind, AddressType type, String value, boolean displayOnly) {
    }
}
