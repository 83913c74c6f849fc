package mm7gw.charging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.kernel.RecipientKind;

/**
 * What a TS 32.298 MMS record says about a charged operation beyond the event's own fields: the types of the
 * addresses, a submit's recipient list, the times and requests of the submit, the third party charged
 * (ChargedPartyID), the DistributionIndicator and the application addressing, the MM status of a report or of the
 * recipient's action and when it happened, reply charging (offered by a submit, used by an MO reply). Immutable: each
 * {@code with...} returns a copy; a stored one is never changed (insert-only columns).
 */
@Embeddable
public class RecordDetails {
    /** the most recipients a submit's event lists (the count is always complete: recipientCount) */
    public static final int MAX_RECIPIENTS = 1000;
    private static final int RECIPIENTS_LENGTH = 40_000;
    /** the longest ChargedPartyID the gateway stores (and so accepts) */
    public static final int CHARGED_PARTY_ID_LENGTH = 256;
    public static final RecordDetails NONE = new RecordDetails();

    @Column(name = "sender_type", length = 12, updatable = false)
    private String senderType;

    @Column(name = "recipient_type", length = 12, updatable = false)
    private String recipientType;

    /** TO, CC or BCC: the list the recipient of a per-recipient record was named in */
    @Column(name = "recipient_kind", length = 4, updatable = false)
    private String recipientKind;

    /** a submit's recipients, "kind:type:address" separated by spaces, e.g. "to:number:447700900301" */
    @Column(name = "recipients", length = RECIPIENTS_LENGTH, updatable = false)
    private String recipients;

    @Column(name = "submitted_at", updatable = false)
    private Instant submissionTime;

    @Column(name = "expiry_time", updatable = false)
    private Instant expiryTime;

    @Column(name = "earliest_delivery", updatable = false)
    private Instant earliestDeliveryTime;

    @Column(name = "delivery_report", updatable = false)
    private Boolean deliveryReportRequested;

    @Column(name = "read_reply", updatable = false)
    private Boolean readReplyRequested;

    @Column(name = "reply_charging", updatable = false)
    private Boolean replyCharging;

    @Column(name = "reply_deadline", updatable = false)
    private Instant replyDeadline;

    @Column(name = "reply_charging_size", updatable = false)
    private Long replyChargingSize;

    @Column(name = "distribution_indicator", updatable = false)
    private Boolean distributionIndicator;

    @Column(name = "charged_party_id", length = CHARGED_PARTY_ID_LENGTH, updatable = false)
    private String chargedPartyId;

    /** the MessageID of the message whose reply this record's MO message is, charged to that message's VASP */
    @Column(name = "reply_charging_id", length = 64, updatable = false)
    private String replyChargingId;

    @Column(name = "applic_id", length = ApplicationAddress.ID_LENGTH, updatable = false)
    private String applicId;

    @Column(name = "reply_applic_id", length = ApplicationAddress.ID_LENGTH, updatable = false)
    private String replyApplicId;

    @Column(name = "aux_applic_info", length = ApplicationAddress.INFO_LENGTH, updatable = false)
    private String auxApplicInfo;

    /** the MM status of a report or of the recipient's action: Retrieved, Rejected, Expired, Read */
    @Column(name = "mm_status", length = 24, updatable = false)
    private String mmStatus;

    @Column(name = "mm_status_at", updatable = false)
    private Instant mmStatusTime;

    protected RecordDetails() {
    }

    private RecordDetails copy() {
        RecordDetails d = new RecordDetails();
        d.senderType = senderType;
        d.recipientType = recipientType;
        d.recipientKind = recipientKind;
        d.recipients = recipients;
        d.submissionTime = submissionTime;
        d.expiryTime = expiryTime;
        d.earliestDeliveryTime = earliestDeliveryTime;
        d.deliveryReportRequested = deliveryReportRequested;
        d.readReplyRequested = readReplyRequested;
        d.replyCharging = replyCharging;
        d.replyDeadline = replyDeadline;
        d.replyChargingSize = replyChargingSize;
        d.distributionIndicator = distributionIndicator;
        d.chargedPartyId = chargedPartyId;
        d.replyChargingId = replyChargingId;
        d.applicId = applicId;
        d.replyApplicId = replyApplicId;
        d.auxApplicInfo = auxApplicInfo;
        d.mmStatus = mmStatus;
        d.mmStatusTime = mmStatusTime;
        return d;
    }

    /** The facts of a request as received (a stored message adds its own, a refused submit stores none). */
    public static RecordDetails request(AddressType senderType, Instant submissionTime, Instant expiryTime,
            Instant earliestDeliveryTime, boolean deliveryReport, boolean readReply) {
        RecordDetails d = new RecordDetails();
        d.senderType = senderType == null ? null : senderType.name();
        d.submissionTime = micros(submissionTime);
        d.expiryTime = micros(expiryTime);
        d.earliestDeliveryTime = micros(earliestDeliveryTime);
        d.deliveryReportRequested = deliveryReport;
        d.readReplyRequested = readReply;
        return d;
    }

    /** Sender and recipient address types of an operation with no stored message (an MO message). */
    public static RecordDetails addresses(AddressType senderType, AddressType recipientType) {
        RecordDetails d = new RecordDetails();
        d.senderType = senderType == null ? null : senderType.name();
        d.recipientType = recipientType == null ? null : recipientType.name();
        return d;
    }

    /** The recipient of a per-recipient record: its address type and the list (To, Cc, Bcc) it was named in. */
    public RecordDetails withRecipient(Address address, RecipientKind kind) {
        RecordDetails d = copy();
        d.recipientType = address.type().name();
        d.recipientKind = kind == null ? null : kind.name();
        return d;
    }

    /** A submit's recipients in their order, the first {@value #MAX_RECIPIENTS} of them. */
    public RecordDetails withRecipients(List<ListedRecipient> listed) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (ListedRecipient e : listed) {
            String entry = e.kind().name().toLowerCase(Locale.ROOT) + ":" + e.type().name().toLowerCase(Locale.ROOT)
                    + ":" + e.address();
            if (n == MAX_RECIPIENTS || text.length() + entry.length() + 1 > RECIPIENTS_LENGTH) {
                break;
            }
            text.append(n++ == 0 ? "" : " ").append(entry);
        }
        RecordDetails d = copy();
        d.recipients = text.toString();
        return d;
    }

    /** The third party charged (ChargedPartyID), null for none. */
    public RecordDetails withChargedPartyId(String chargedPartyId) {
        RecordDetails d = copy();
        d.chargedPartyId = chargedPartyId;
        return d;
    }

    /** The application addressing (ApplicID, ReplyApplicID, AuxApplicInfo) of the operation; null for none. */
    public RecordDetails withApplication(ApplicationAddress application) {
        RecordDetails d = copy();
        d.applicId = application == null ? null : application.applicId();
        d.replyApplicId = application == null ? null : application.replyApplicId();
        d.auxApplicInfo = application == null ? null : application.auxApplicInfo();
        return d;
    }

    /** Reply charging the message offers: the size a reply may have (null for any) and its deadline. */
    public RecordDetails withReplyCharging(Long size, Instant deadline) {
        RecordDetails d = copy();
        d.replyCharging = true;
        d.replyChargingSize = size;
        d.replyDeadline = micros(deadline);
        return d;
    }

    /** The reply-charging ID of a reply the VASP pays for: the MessageID of the message replied to. */
    public RecordDetails withReplyChargingId(String replyChargingId) {
        RecordDetails d = copy();
        d.replyChargingId = replyChargingId;
        return d;
    }

    /** The DistributionIndicator as the VASP gave it, null for none. */
    public RecordDetails withDistributionIndicator(Boolean distributionIndicator) {
        RecordDetails d = copy();
        d.distributionIndicator = distributionIndicator;
        return d;
    }

    /** The MM status of a report or of the recipient's action (Retrieved, Rejected, Expired, Read) and its time. */
    public RecordDetails withMmStatus(String mmStatus, Instant at) {
        RecordDetails d = copy();
        d.mmStatus = mmStatus;
        d.mmStatusTime = micros(at);
        return d;
    }

    /** As the database keeps it (microseconds), so that the topic publishes what is stored. */
    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** A recipient listed in {@link #recipients()}. */
    public record ListedRecipient(RecipientKind kind, AddressType type, String address) {
    }

    /** The recipients listed, as stored (see {@link #withRecipients}). */
    public List<ListedRecipient> listedRecipients() {
        if (recipients == null || recipients.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(recipients.split(" ")).map(entry -> {
            String[] parts = entry.split(":", 3);
            return new ListedRecipient(RecipientKind.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    AddressType.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]);
        }).toList();
    }

    public String senderType() {
        return senderType;
    }

    public String recipientType() {
        return recipientType;
    }

    public String recipientKind() {
        return recipientKind;
    }

    public String recipients() {
        return recipients;
    }

    public Instant submissionTime() {
        return submissionTime;
    }

    public Instant expiryTime() {
        return expiryTime;
    }

    public Instant earliestDeliveryTime() {
        return earliestDeliveryTime;
    }

    public Boolean deliveryReportRequested() {
        return deliveryReportRequested;
    }

    public Boolean readReplyRequested() {
        return readReplyRequested;
    }

    public Boolean replyCharging() {
        return replyCharging;
    }

    public Instant replyDeadline() {
        return replyDeadline;
    }

    public Long replyChargingSize() {
        return replyChargingSize;
    }

    public Boolean distributionIndicator() {
        return distributionIndicator;
    }

    public String chargedPartyId() {
        return chargedPartyId;
    }

    public String replyChargingId() {
        return replyChargingId;
    }

    public String applicId() {
        return applicId;
    }

    public String replyApplicId() {
        return replyApplicId;
    }

    public String auxApplicInfo() {
        return auxApplicInfo;
    }

    public String mmStatus() {
        return mmStatus;
    }

    public Instant mmStatusTime() {
        return mmStatusTime;
    }
}
