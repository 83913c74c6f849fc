package mm7gw.relay.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import mm7gw.kernel.VaspId;
import mm7gw.messaging.DuplicateIds;

/**
 * One request the gateway owes a VASP (a delivery report or a read reply for one recipient), created in the
 * transaction that recorded the recipient's change, and what became of it: attempts, the HTTP status and the
 * VASP's MM7 status and text.
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_outbound_call", indexes = @Index(name = "mm7_outbound_message", columnList = "message_id"))
@NamedQuery(name = OutboundCall.BY_MESSAGE_ID,
        query = "select c from OutboundCall c where c.messageId = :messageId order by c.id")
@NamedQuery(name = OutboundCall.EARLIER_OPEN, query = "select count(c) from OutboundCall c"
        + " where c.messageId = :messageId and c.id < :id and c.state = mm7gw.relay.entity.OutboundState.QUEUED")
public class OutboundCall {
    public static final String BY_MESSAGE_ID = "OutboundCall.byMessageId";
    public static final String EARLIER_OPEN = "OutboundCall.earlierOpen";
    private static final int TEXT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_outbound_call_seq")
    @SequenceGenerator(name = "mm7_outbound_call_seq", sequenceName = "mm7_outbound_call_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 24, nullable = false)
    private OutboundKind kind;

    @Column(name = "vasp_id", length = 64, nullable = false)
    private String vaspId;

    @Column(name = "message_id", length = 64, nullable = false)
    private String messageId;

    /** the recipient of the submitted message a report is about; null for an MO message (DELIVER) */
    @Column(name = "recipient_id")
    private Long recipientId;

    @Column(length = 256, nullable = false)
    private String recipient;

    @Column(name = "recipient_type", length = 12, nullable = false)
    private String recipientType;

    @Column(length = 256)
    private String sender;

    @Column(name = "sender_type", length = 12)
    private String senderType;

    /** the MMStatus sent: Retrieved, Rejected, Expired, Read, ...; null for an MO message */
    @Column(name = "mm_status", length = 24)
    private String mmStatus;

    @Column(name = "event_at", nullable = false)
    private Instant eventAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private OutboundState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "vasp_status")
    private Integer vaspStatus;

    @Column(name = "vasp_status_text", length = TEXT)
    private String vaspStatusText;

    @Column(name = "last_error", length = TEXT)
    private String lastError;

    /** the ServiceCode of the VASP's DeliverRsp, exactly as it wrote it (charged with the response) */
    @Column(name = "vasp_service_code", length = 1024)
    private String vaspServiceCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected OutboundCall() {
    }

    /**
     * @param messageId the MessageID a report is about, or the LinkedID of an MO message
     */
    public OutboundCall(OutboundKind kind, VaspId vaspId, String messageId, Long recipientId, String recipientType,
            String recipient, String senderType, String sender, String mmStatus, Instant eventAt) {
        this.kind = kind;
        this.vaspId = vaspId.value();
        this.messageId = messageId;
        this.recipientId = recipientId;
        this.recipientType = recipientType;
        this.recipient = recipient;
        this.senderType = senderType;
        this.sender = sender;
        this.mmStatus = mmStatus;
        this.eventAt = eventAt;
        this.state = OutboundState.QUEUED;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as stored: the same instant when read back
    }

    /**
     * The id under which the broker recognises a repeated send of this call's current attempt (Artemis duplicate
     * detection): the call's id, the millisecond it was created (ids start again in a database that was recreated
     * or restored while the broker's journal still remembers the old ones) and the attempts so far, so that a send
     * after a failed attempt is a new one.
     */
    public String duplicateId() {
        return DuplicateIds.of("outbound", id, createdAt.toEpochMilli(), attempts);
    }

    /** A failed attempt that will be retried (transport failure, HTTP 5xx, a timeout). */
    public void attemptFailed(Integer httpStatus, String error) {
        this.attempts++;
        this.httpStatus = httpStatus;
        this.lastError = clip(error);
    }

    /** Not attempted yet because an earlier call about the same message is still open. */
    public void waiting(String why) {
        this.lastError = clip(why);
    }

    /** The attempt's answer, which ends the call. */
    /** The ServiceCode the VASP's answer gave (DeliverRsp), kept when it fits the column. */
    public void answeredServiceCode(String serviceCode) {
        this.vaspServiceCode = serviceCode == null || serviceCode.length() > 1024 ? null : serviceCode;
    }

    public String vaspServiceCode() {
        return vaspServiceCode;
    }

    public void completed(OutboundState outcome, Integer httpStatus, Integer vaspStatus, String text) {
        if (outcome == OutboundState.QUEUED) {
            throw new IllegalArgumentException("a completed call cannot stay queued");
        }
        this.state = outcome;
        this.attempts++;
        this.httpStatus = httpStatus;
        this.vaspStatus = vaspStatus;
        this.vaspStatusText = clip(text);
        this.completedAt = Instant.now();
    }

    /** An admin put it back on the queue (dead-letter replay). */
    public void requeued() {
        this.state = OutboundState.QUEUED;
        this.completedAt = null;
    }

    public boolean isOpen() {
        return state == OutboundState.QUEUED;
    }

    private static String clip(String s) {
        return s == null || s.length() <= TEXT ? s : s.substring(0, TEXT - 1) + "\u2026";
    }

    public Long id() { return id; }
    public OutboundKind kind() { return kind; }
    public VaspId vaspId() { return new VaspId(vaspId); }
    public String messageId() { return messageId; }
    public Long recipientId() { return recipientId; }
    public String recipient() { return recipient; }
    public String recipientType() { return recipientType; }
    public String sender() { return sender; }
    public String senderType() { return senderType; }
    public String mmStatus() { return mmStatus; }
    public Instant eventAt() { return eventAt; }
    public OutboundState state() { return state; }
    public int attempts() { return attempts; }
    public Integer httpStatus() { return httpStatus; }
    public Integer vaspStatus() { return vaspStatus; }
    public String vaspStatusText() { return vaspStatusText; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }
}
