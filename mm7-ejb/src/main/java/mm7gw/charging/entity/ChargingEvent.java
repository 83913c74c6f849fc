package mm7gw.charging.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import mm7gw.kernel.VaspId;
import mm7gw.messaging.DuplicateIds;
import mm7gw.status.StatusCode;

/**
 * A charging data record, written in the transaction of the state change it records. Immutable once written,
 * with one exception: it is written without a number, and once it has been committed a node's sequencer gives it,
 * exactly once, its writer (that node) and the next number of the writer's gap-free sequence
 * ({@link ChargingWriter}). There is no other operation that changes or removes one (on PostgreSQL a trigger
 * refuses every other UPDATE and every DELETE as well).
 */
@Entity
@Cacheable(false) // written in bulk, read rarely (exports): not worth merging into the shared cache
@Table(name = "mm7_charging_event", indexes = {
    @Index(name = "mm7_charging_message", columnList = "message_id"),
    @Index(name = "mm7_charging_time", columnList = "occurred_at"),
    @Index(name = "mm7_charging_vasp_time", columnList = "vasp_id, occurred_at"),
    // H2's; on PostgreSQL the index of this name is the partial index (id) where seq is null (migration V13)
    @Index(name = "mm7_charging_unnumbered", columnList = "seq, id")},
    uniqueConstraints = @UniqueConstraint(name = "mm7_charging_writer_seq", columnNames = {"writer", "seq"}))
@NamedQuery(name = ChargingEvent.BY_MESSAGE_ID,
        query = "select e from ChargingEvent e where e.messageId = :messageId order by e.id")
public class ChargingEvent {
    public static final String BY_MESSAGE_ID = "ChargingEvent.byMessageId";
    /** the longest ServiceCode the gateway stores (and so accepts) */
    public static final int SERVICE_CODE_LENGTH = 1024;
    private static final int DETAILS_LENGTH = 2000;
    public static final String RESULT_ACCEPTED = "ACCEPTED";
    public static final String RESULT_REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_charging_seq")
    @SequenceGenerator(name = "mm7_charging_seq", sequenceName = "mm7_charging_seq", allocationSize = 1000)
    @Column(updatable = false)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", length = 32, nullable = false, updatable = false)
    private RecordType recordType;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "vasp_id", length = 64, nullable = false, updatable = false)
    private String vaspId;

    @Column(name = "vas_id", length = 256, updatable = false)
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
    @Column(name = "service_code", length = SERVICE_CODE_LENGTH, updatable = false)
    private String serviceCode;

    /** the sequence the event is numbered in: the node whose sequencer numbered it; null until then */
    @Column(length = 128)
    private String writer;

    /** the writer's gap-free sequence number: 1, 2, 3, ... in the order the sequencer saw the events committed */
    @Column(name = "seq")
    private Long sequenceNumber;

    @Column(name = "message_size", updatable = false)
    private Long messageSize;

    @Column(name = "content_type", length = 1000, updatable = false)
    private String contentType;

    /** the MM7 status details (why a request was refused), if any */
    @Column(length = DETAILS_LENGTH, updatable = false)
    private String details;

    protected ChargingEvent() {
    }

    private ChargingEvent(RecordType recordType, ChargedOperation op, StatusCode status, String result,
            String details) {
        this.recordType = recordType;
        this.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        this.vaspId = op.vaspId().value();
        this.vasId = op.vasId();
        this.messageId = op.messageId();
        this.linkedId = op.linkedId();
        this.sender = op.sender();
        this.recipient = op.recipient();
        this.recipientCount = op.recipientCount();
        this.messageSize = op.messageSize();
        this.contentType = op.contentType();
        this.statusCode = status.code();
        this.result = result;
        this.details = details == null || details.length() <= DETAILS_LENGTH ? details
                : details.substring(0, DETAILS_LENGTH - 1) + "\u2026";
        this.chargedParty = op.chargedParty();
        this.priority = op.priority();
        this.messageClass = op.messageClass();
        this.serviceCode = op.serviceCode();
    }

    /** The accepted submit of a stored message, {@code message} with its recipient count (a reply if it links). */
    public static ChargingEvent submitted(ChargedOperation message, StatusCode status) {
        return new ChargingEvent(message.linkedId() == null ? RecordType.MM7_SUBMIT : RecordType.MM7_REPLY_SUBMIT,
                message, status, RESULT_ACCEPTED, null);
    }

    /** The delivery of a stored message into one recipient's mailbox ({@code recipient} names the recipient). */
    public static ChargingEvent delivered(ChargedOperation recipient, String outcome) {
        return new ChargingEvent(RecordType.RECIPIENT_DELIVERY, recipient, StatusCode.SUCCESS, outcome, null);
    }

    /**
     * The event of an operation concerning one recipient of a stored message (delivery report, read reply);
     * {@code recipient} names the recipient.
     */
    public static ChargingEvent forRecipient(RecordType type, ChargedOperation recipient, StatusCode status,
            String result) {
        return new ChargingEvent(type, recipient, status, result, null);
    }

    /** The event of an operation described by its charged facts alone (an MO message, a refused request). */
    public static ChargingEvent of(RecordType type, ChargedOperation op, StatusCode status, String result,
            String details) {
        return new ChargingEvent(type, op, status, result, details);
    }

    /** A request the gateway refused with an MM7 status: result REJECTED, with the status details. */
    public static ChargingEvent rejected(RecordType type, ChargedOperation op, StatusCode status, String details) {
        if (status.isSuccess()) {
            throw new IllegalArgumentException("a refusal needs an error status, not " + status);
        }
        return new ChargingEvent(type, op, status, RESULT_REJECTED, details);
    }

    /** Gives the committed event its writer and sequence number; done once, by a node's sequencer. */
    public void sequence(String writer, long sequenceNumber) {
        if (this.writer != null) {
            throw new IllegalStateException("event already sequenced as " + this.writer + "/" + this.sequenceNumber);
        }
        this.writer = writer;
        this.sequenceNumber = sequenceNumber;
    }

    public boolean isSequenced() {
        return writer != null;
    }

    /** null until sequenced */
    public String writer() {
        return writer;
    }

    /** null until sequenced */
    public Long sequenceNumber() {
        return sequenceNumber;
    }

    public Long messageSize() {
        return messageSize;
    }

    public String contentType() {
        return contentType;
    }

    public String details() {
        return details;
    }

    public Long id() {
        return id;
    }

    public RecordType recordType() {
        return recordType;
    }

    /**
     * The id under which the broker recognises a repeated send of this event (Artemis duplicate detection): writer
     * and number, and the millisecond the event occurred. The numbers alone would repeat: they start again from 1
     * in a database that was recreated or restored while the broker's journal still remembers the ids it has seen,
     * and the broker would then refuse every new event and with it the transaction that charges it.
     */
    public String duplicateId() {
        if (writer == null) {
            throw new IllegalStateException("event not sequenced yet");
        }
        return DuplicateIds.of("charging", writer, sequenceNumber, occurredAt.toEpochMilli());
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public VaspId vaspId() {
        return new VaspId(vaspId);
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
    public static ChargingEvent cancelled(ChargedOperation message, StatusCode status, int recipients) {
        return new ChargingEvent(RecordType.MM7_CANCEL, message.withRecipientCount(recipients), status, "CANCELLED",
                null);
    }

    /** MM7_replace of a message, for the number of recipients that get the replacement. */
    public static ChargingEvent replaced(ChargedOperation message, StatusCode status, int recipients) {
        return new ChargingEvent(RecordType.MM7_REPLACE, message.withRecipientCount(recipients), status, "REPLACED",
                null);
    }

    // ---- TS 32.298 record (issue 18): the record type's facts beyond the fields above ------------------------

    @Embedded
    private RecordDetails recordDetails;

    /** What the TS 32.298 record of this event carries beyond the fields above; never null. */
    public RecordDetails recordDetails() {
        return recordDetails == null ? RecordDetails.NONE : recordDetails;
    }

    /** Adds those facts to an event being created; an event that was written cannot change. */
    public ChargingEvent describedBy(RecordDetails details) {
        if (id != null) {
            throw new IllegalStateException("charging event " + id + " is already written");
        }
        this.recordDetails = details == RecordDetails.NONE ? null : details;
        return this;
    }

    /** The TS 32.298 record this event is written as, e.g. MM7SRecord. */
    public String recordName() {
        return recordType.mmsRecord().asn1Name();
    }

    /**
     * The MM7 status as TS 32.298's RequestStatusCodeType: normalRelease (0) for success, else the value that
     * comes nearest; the exact MM7 code travels in the record's statusText and extensions.
     */
    public int requestStatusCode() {
        return switch (statusCode) {
            case 1000, 1100 -> 0; // normalRelease
            case 2001, 4001, 4007, 4008 -> 30; // serviceDenied
            case 2007, 4004 -> 31; // messageFormatCorrupt
            case 2002, 2003 -> 32; // sendingAddressUnresolved
            case 2005, 2006, 2008, 2009 -> 33; // messageNotFound
            case 3000, 4005, 4006 -> 34; // networkProblem
            case 2004, 3002 -> 35; // contentNotAccepted
            case 3003, 3004, 4002, 4003 -> 36; // unsupportedMessage
            default -> statusCode < 2000 ? 0 : 4; // abnormalRelease
        };
    }
}
