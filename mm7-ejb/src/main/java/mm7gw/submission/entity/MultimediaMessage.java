package mm7gw.submission.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Cacheable;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.Address;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.DeliveryConditions;
import mm7gw.kernel.MessageClass;
import mm7gw.kernel.Priority;
import mm7gw.kernel.VaspId;
import mm7gw.system.NodeHeartbeat;
import mm7gw.vasp.entity.Vasp;

/**
 * A multimedia message a VASP submitted (MM7_submit), identified by the MessageID the gateway assigned,
 * with its recipients and the submit's parameters.
 */
@Entity
@Cacheable(false) // changed by concurrent steps (chunk workers, completion, replace, cancel, expiry, reports): a shared-cache copy
// merged by one of them can be older than the row another one committed; read it from the database
@Table(name = "mm7_message", indexes = {
    @jakarta.persistence.Index(name = "mm7_message_expiry", columnList = "expiry, expired_at"),
    @jakarta.persistence.Index(name = "mm7_message_state", columnList = "state, submitted_at")})
@NamedQuery(name = MultimediaMessage.BY_MESSAGE_ID, query = "select m from MultimediaMessage m where m.messageId = :messageId")
public class MultimediaMessage {
    /** the longest Subject the gateway keeps, in characters */
    public static final int SUBJECT_LENGTH = 1000;
    /** the longest TransactionID a message (and its kept answer) keeps, in characters; a longer one is refused */
    public static final int TRANSACTION_ID_LENGTH = 256;

    public static final String BY_MESSAGE_ID = "MultimediaMessage.byMessageId";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_message_seq")
    @SequenceGenerator(name = "mm7_message_seq", sequenceName = "mm7_message_seq", allocationSize = 1000)
    private Long id;

    @Column(name = "message_id", length = 64, nullable = false, unique = true)
    private String messageId;

    /** read only when asked for: the VASP ID is kept with the message */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "vasp")
    private Vasp vasp;

    /** the VASP's VASP ID, kept with the message: read without reading the VASP */
    @Column(name = "vasp_id", length = 64, nullable = false, updatable = false)
    private String vaspId;

    @Column(name = "vas_id", length = 64)
    private String vasId;

    @Column(name = "transaction_id", length = TRANSACTION_ID_LENGTH)
    private String transactionId;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "sender_type", length = 12)),
        @AttributeOverride(name = "value", column = @Column(name = "sender_address", length = 256))
    })
    private Address sender;

    @Column(length = SUBJECT_LENGTH)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_class", length = 16)
    private MessageClass messageClass;

    /** The VASP's ServiceCode exactly as received: passed to billing without any change. */
    @Column(name = "service_code", length = 1024)
    private String serviceCode;

    @Column(name = "linked_id", length = 256)
    private String linkedId;

    @Enumerated(EnumType.STRING)
    @Column(name = "charged_party", length = 12)
    private ChargedParty chargedParty;

    /** the third party charged (ChargedPartyID) when chargedParty is THIRD_PARTY */
    @Column(name = "charged_party_id", length = 256)
    private String chargedPartyId;

    @Column(name = "delivery_report", nullable = false)
    private boolean deliveryReportRequested;

    @Column(name = "read_reply", nullable = false)
    private boolean readReplyRequested;

    @Column(name = "earliest_delivery")
    private Instant earliestDeliveryTime;

    @Column(name = "expiry")
    private Instant expiryDate;

    /** when the expiry scan withdrew the message from the recipients who had not retrieved it */
    @Column(name = "expired_at")
    private Instant expiredAt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** the node that accepted the message and hands it to distribution (null for messages of earlier versions) */
    @Column(name = "accepted_by", length = 128, updatable = false)
    private String acceptedBy;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private MessageState state;

    @OneToOne(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "content")
    private MessageContent content;

    /** how many recipients the message was accepted for (after resolution and removal of duplicates) */
    @Column(name = "recipient_count", nullable = false)
    private int recipientCount;

    /** how many recipients each fan-out chunk creates and delivers in one transaction */
    @Column(name = "chunk_size", nullable = false)
    private int chunkSize = 1;

    /** the TimeStamp the VASP wrote in its SubmitReq (or a later ReplaceReq) */
    @Column(name = "vasp_timestamp")
    private Instant vaspTimestamp;

    @Column(name = "allow_adaptations")
    private Boolean allowAdaptations;

    @Column(name = "distribution_indicator")
    private Boolean distributionIndicator;

    @Column(name = "content_class", length = 16)
    private String contentClass;

    @Column(name = "drm_content")
    private Boolean drmContent;

    @Column(name = "applic_id", length = ApplicationAddress.ID_LENGTH)
    private String applicId;

    @Column(name = "reply_applic_id", length = ApplicationAddress.ID_LENGTH)
    private String replyApplicId;

    @Column(name = "aux_applic_info", length = ApplicationAddress.INFO_LENGTH)
    private String auxApplicInfo;

    /** the submit's DeliveryCondition, "1,2" (null: none) */
    @Column(name = "delivery_conditions", length = DeliveryConditions.TEXT_LENGTH)
    private String deliveryConditions;

    /** whether the VASP pays for a recipient's reply (ReplyCharging), with its limits */
    @Column(name = "reply_charging")
    private Boolean replyCharging;

    @Column(name = "reply_charging_size")
    private Long replyChargingSize;

    @Column(name = "reply_deadline")
    private Instant replyDeadline;

    protected MultimediaMessage() {
    }

    public MultimediaMessage(String messageId, Vasp vasp, String vasId, String transactionId, Address sender) {
        this.messageId = messageId;
        this.vasp = vasp;
        this.vaspId = vasp.vaspId().value();
        this.vasId = vasId;
        this.transactionId = transactionId;
        this.sender = sender;
        this.state = MessageState.ACCEPTED;
        this.submittedAt = Instant.now();
        this.acceptedBy = NodeHeartbeat.THIS_NODE;
        this.priority = Priority.NORMAL;
        this.messageClass = MessageClass.INFORMATIONAL;
    }

    public void describe(String subject, Priority priority, MessageClass messageClass) {
        this.subject = subject;
        if (priority != null) {
            this.priority = priority;
        }
        if (messageClass != null) {
            this.messageClass = messageClass;
        }
    }

    /** @param chargedPartyId the third party charged (ChargedParty THIRD_PARTY), else null */
    public void charge(String serviceCode, ChargedParty chargedParty, String chargedPartyId, String linkedId) {
        this.serviceCode = serviceCode;
        this.chargedParty = chargedParty;
        this.chargedPartyId = chargedPartyId;
        this.linkedId = linkedId;
    }

    public void requestReports(boolean deliveryReport, boolean readReply) {
        this.deliveryReportRequested = deliveryReport;
        this.readReplyRequested = readReply;
    }

    public void schedule(Instant earliestDeliveryTime, Instant expiryDate) {
        this.earliestDeliveryTime = earliestDeliveryTime;
        this.expiryDate = expiryDate;
    }

    /** Keeps what the VASP said about the message and its content; null values mean it said nothing. */
    public void annotate(ContentAttributes attributes) {
        this.vaspTimestamp = attributes.timeStamp();
        this.allowAdaptations = attributes.allowAdaptations();
        this.distributionIndicator = attributes.distributionIndicator();
        this.contentClass = attributes.contentClass();
        this.drmContent = attributes.drmContent();
    }

    public ContentAttributes attributes() {
        return new ContentAttributes(vaspTimestamp, allowAdaptations, distributionIndicator, contentClass, drmContent);
    }

    /** A ReplaceReq's attributes: each one given replaces the stored one (the TimeStamp goes by {@link #restamp}). */
    public void revise(ContentAttributes attributes) {
        if (attributes.allowAdaptations() != null) {
            this.allowAdaptations = attributes.allowAdaptations();
        }
        if (attributes.distributionIndicator() != null) {
            this.distributionIndicator = attributes.distributionIndicator();
        }
        if (attributes.contentClass() != null) {
            this.contentClass = attributes.contentClass();
        }
        if (attributes.drmContent() != null) {
            this.drmContent = attributes.drmContent();
        }
    }

    /** The application addressing of the submit; each value given by a later ReplaceReq replaces the stored one. */
    public void addressApplication(ApplicationAddress address) {
        ApplicationAddress merged = address.over(application());
        this.applicId = merged.applicId();
        this.replyApplicId = merged.replyApplicId();
        this.auxApplicInfo = merged.auxApplicInfo();
    }

    /** ApplicID, ReplyApplicID and AuxApplicInfo as the VASP gave them (null where it did not) */
    public ApplicationAddress application() {
        return new ApplicationAddress(applicId, replyApplicId, auxApplicInfo);
    }

    /** The DC values a recipient's terminal must meet to be delivered to. */
    public void condition(DeliveryConditions conditions) {
        this.deliveryConditions = conditions == null ? null : conditions.text();
    }

    public DeliveryConditions deliveryConditions() {
        return DeliveryConditions.parse(deliveryConditions);
    }

    /** The VASP pays for replies within these limits (null: it does not). */
    public void offerReplyCharging(ReplyCharging replyCharging) {
        this.replyCharging = replyCharging == null ? null : Boolean.TRUE;
        this.replyChargingSize = replyCharging == null ? null : replyCharging.size();
        this.replyDeadline = replyCharging == null ? null : replyCharging.deadline();
    }

    /** the reply charging the VASP offered, or null */
    public ReplyCharging replyCharging() {
        return Boolean.TRUE.equals(replyCharging) ? new ReplyCharging(replyChargingSize, replyDeadline) : null;
    }

    /** A ReplaceReq's TimeStamp: the time the VASP wrote the replacement. */
    public void restamp(Instant vaspTimestamp) {
        this.vaspTimestamp = vaspTimestamp;
    }

    public void attach(MessageContent content) {
        this.content = content;
    }

    /** Records how many recipients the message goes to and how they are split into fan-out chunks. */
    public void distributeTo(int recipientCount, int chunkSize) {
        if (recipientCount < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("a message goes to at least one recipient, in chunks of at least one");
        }
        this.recipientCount = recipientCount;
        this.chunkSize = chunkSize;
    }

    public int chunks() {
        return (recipientCount + chunkSize - 1) / chunkSize;
    }

    /**
     * Marks the message distributed once every recipient exists and none is left pending.
     *
     * @param handled recipients created and no longer pending
     */
    public void updateState(long handled) {
        if (state == MessageState.ACCEPTED && handled >= recipientCount) {
            state = MessageState.DISTRIBUTED;
        }
    }

    public void expired(Instant at) {
        expiredAt = at;
    }

    public Instant expiredAt() {
        return expiredAt;
    }

    public void cancel() {
        state = MessageState.CANCELLED;
    }

    public boolean isCancelled() {
        return state == MessageState.CANCELLED;
    }

    public boolean isExpired(Instant now) {
        return expiryDate != null && !expiryDate.isAfter(now);
    }

    public boolean isDue(Instant now) {
        return earliestDeliveryTime == null || !earliestDeliveryTime.isAfter(now);
    }

    /** MM7_replace: the attributes the request gives replace the stored ones; null leaves one unchanged. */
    public void replace(String serviceCode, Instant earliestDeliveryTime, Boolean readReply) {
        if (serviceCode != null) {
            this.serviceCode = serviceCode;
        }
        if (earliestDeliveryTime != null) {
            this.earliestDeliveryTime = earliestDeliveryTime;
        }
        if (readReply != null) {
            this.readReplyRequested = readReply;
        }
    }

    public Long id() {
        return id;
    }

    public String messageId() {
        return messageId;
    }

    public Vasp vasp() {
        return vasp;
    }

    public VaspId vaspId() {
        return new VaspId(vaspId);
    }

    /**
     * Refers to the message's VASP through a reference for storing (the VASP it was made with may be one read
     * earlier, outside this transaction); the same VASP.
     */
    public void referTo(Vasp reference) {
        if (!reference.id().equals(vasp.id())) {
            throw new IllegalArgumentException("message " + messageId + " belongs to VASP " + vaspId);
        }
        this.vasp = reference;
    }

    public String vasId() {
        return vasId;
    }

    public String transactionId() {
        return transactionId;
    }

    public Address sender() {
        return sender;
    }

    public String subject() {
        return subject;
    }

    public Priority priority() {
        return priority;
    }

    public MessageClass messageClass() {
        return messageClass;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String linkedId() {
        return linkedId;
    }

    public ChargedParty chargedParty() {
        return chargedParty;
    }

    /** the third party charged, null unless the VASP named one (ChargedParty THIRD_PARTY) */
    public String chargedPartyId() {
        return chargedPartyId;
    }

    public boolean deliveryReportRequested() {
        return deliveryReportRequested;
    }

    public boolean readReplyRequested() {
        return readReplyRequested;
    }

    public Instant earliestDeliveryTime() {
        return earliestDeliveryTime;
    }

    public Instant expiryDate() {
        return expiryDate;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public MessageState state() {
        return state;
    }

    /** the content, or null for a message submitted without one */
    public MessageContent content() {
        return content;
    }

    public int recipientCount() {
        return recipientCount;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** What the charging events of operations on this message record about it. */
    public ChargedOperation charged() {
        return new ChargedOperation(vaspId(), vasId, messageId, linkedId(), sender() == null ? null : sender().value(),
                null, null, content() == null ? null : content().size(),
                content() == null ? null : content().contentType(),
                chargedParty() == null ? null : chargedParty().name(), priority() == null ? null : priority().name(),
                messageClass() == null ? null : messageClass().name(), serviceCode());
    }

    /**
     * The record facts of this message: its sender's address type, submission time, times and report requests, the
     * third party it is charged to, its DistributionIndicator, reply charging and application addressing.
     */
    public RecordDetails recordDetails() {
        RecordDetails d = RecordDetails.request(sender() == null ? null : sender().type(), submittedAt(), expiryDate(),
                earliestDeliveryTime(), deliveryReportRequested(), readReplyRequested())
                .withChargedPartyId(chargedPartyId()).withDistributionIndicator(attributes().distributionIndicator())
                .withApplication(application());
        return replyCharging() == null ? d : d.withReplyCharging(replyCharging().size(), replyCharging().deadline());
    }
}
