package mm7gw.charging.entity;

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
import mm7gw.status.StatusCode;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;

/**
 * A charging data record. Immutable once written: every column is insert-only and there is no
 * operation that changes or removes one.
 */
@Entity
@Table(name = "mm7_charging_event", indexes = {
    @Index(name = "mm7_charging_message", columnList = "message_id"),
    @Index(name = "mm7_charging_time", columnList = "occurred_at")})
@NamedQuery(name = ChargingEvent.BY_MESSAGE_ID,
        query = "select e from ChargingEvent e where e.messageId = :messageId order by e.id")
public class ChargingEvent {
    public static final String BY_MESSAGE_ID = "ChargingEvent.byMessageId";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_charging_seq")
    @SequenceGenerator(name = "mm7_charging_seq", sequenceName = "mm7_charging_seq", allocationSize = 100)
    @Column(updatable = false)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", length = 32, nullable = false, updatable = false)
    private RecordType recordType;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "vasp_id", length = 64, nullable = false, updatable = false)
    private String vaspId;

    @Column(name = "vas_id", length = 64, updatable = false)
    private String vasId;

    @Column(name = "message_id", length = 64, updatable = false)
    private String messageId;

    @Column(name = "linked_id", length = 256, updatable = false)
    private String linkedId;

    @Column(length = 256, updatable = false)
    private String sender;

    @Column(length = 256, updatable = false)
    private String recipient;

    @Column(name = "recipient_count", updatable = false)
    private Integer recipientCount;

    @Column(name = "status_code", nullable = false, updatable = false)
    private int statusCode;

    @Column(length = 32, nullable = false, updatable = false)
    private String result;

    @Column(name = "charged_party", length = 12, updatable = false)
    private String chargedParty;

    @Column(length = 8, updatable = false)
    private String priority;

    @Column(name = "message_class", length = 16, updatable = false)
    private String messageClass;

    /** The VASP's ServiceCode exactly as received. */
    @Column(name = "service_code", length = 1024, updatable = false)
    private String serviceCode;

    protected ChargingEvent() {
    }

    private ChargingEvent(RecordType recordType, MultimediaMessage m, StatusCode status, String result) {
        this.recordType = recordType;
        this.occurredAt = Instant.now();
        this.vaspId = m.vasp().vaspId();
        this.vasId = m.vasId();
        this.messageId = m.messageId();
        this.linkedId = m.linkedId();
        this.sender = m.sender() == null ? null : m.sender().value();
        this.statusCode = status.code();
        this.result = result;
        this.chargedParty = m.chargedParty() == null ? null : m.chargedParty().name();
        this.priority = m.priority() == null ? null : m.priority().name();
        this.messageClass = m.messageClass() == null ? null : m.messageClass().name();
        this.serviceCode = m.serviceCode();
    }

    public static ChargingEvent submitted(MultimediaMessage m, StatusCode status) {
        ChargingEvent e = new ChargingEvent(RecordType.MM7_SUBMIT, m, status, "ACCEPTED");
        e.recipientCount = m.recipientCount();
        return e;
    }

    public static ChargingEvent delivered(Recipient r, String outcome) {
        ChargingEvent e = new ChargingEvent(RecordType.RECIPIENT_DELIVERY, r.message(), StatusCode.SUCCESS, outcome);
        e.recipient = r.address().value();
        return e;
    }

    public Long id() {
        return id;
    }

    public RecordType recordType() {
        return recordType;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String vaspId() {
        return vaspId;
    }

    public String vasId() {
        return vasId;
    }

    public String messageId() {
        return messageId;
    }

    public String linkedId() {
        return linkedId;
    }

    public String sender() {
        return sender;
    }

    public String recipient() {
        return recipient;
    }

    public Integer recipientCount() {
        return recipientCount;
    }

    public int statusCode() {
        return statusCode;
    }

    public String result() {
        return result;
    }

    public String chargedParty() {
        return chargedParty;
    }

    public String priority() {
        return priority;
    }

    public String messageClass() {
        return messageClass;
    }

    public String serviceCode() {
        return serviceCode;
    }

    /** MM7_cancel of a message, for the number of recipients it was withdrawn from. */
    public static ChargingEvent cancelled(MultimediaMessage m, StatusCode status, int recipients) {
        ChargingEvent e = new ChargingEvent(RecordType.MM7_CANCEL, m, status, "CANCELLED");
        e.recipientCount = recipients;
        return e;
    }

    /** MM7_replace of a message, for the number of recipients that get the replacement. */
    public static ChargingEvent replaced(MultimediaMessage m, StatusCode status, int recipients) {
        ChargingEvent e = new ChargingEvent(RecordType.MM7_REPLACE, m, status, "REPLACED");
        e.recipientCount = recipients;
        return e;
    }
}
