package mm7gw.submission.entity;

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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.kernel.Address;
import mm7gw.kernel.RecipientKind;

/** One recipient of a submitted message, with its own delivery state. */
@Entity
@Cacheable(false) // changed by concurrent steps (delivery, cancel, reports, expiry): read from the database, as MultimediaMessage
@Table(name = "mm7_recipient", indexes = {
    @Index(name = "mm7_recipient_message", columnList = "message, chunk"),
    @Index(name = "mm7_recipient_mailbox", columnList = "address")})
public class Recipient {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_recipient_seq")
    @SequenceGenerator(name = "mm7_recipient_seq", sequenceName = "mm7_recipient_seq", allocationSize = 1000)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message")
    private MultimediaMessage message;

    @Embedded
    private Address address;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, nullable = false)
    private RecipientKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private RecipientState state;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    /** which fan-out chunk of the message created this recipient */
    @Column(nullable = false)
    private int chunk;

    /** the content this recipient retrieved (a replace does not change what was already fetched) */
    @Column(name = "retrieved_content")
    private Long retrievedContentId;

    /** the address as the VASP wrote it in the submit, where that differs from the normalised one (for its reports) */
    @Column(name = "written_as", length = 256)
    private String writtenAs;

    @Version
    private long version;

    protected Recipient() {
    }

    public Recipient(MultimediaMessage message, Address address, RecipientKind kind, int chunk) {
        this.message = message;
        this.address = address;
        this.kind = kind;
        this.chunk = chunk;
        this.state = RecipientState.PENDING;
        this.stateChangedAt = Instant.now();
    }

    public void writtenAs(String written) {
        this.writtenAs = written;
    }

    /** The address as the VASP wrote it in the submit: what its delivery reports and read replies name. */
    public String addressAsWritten() {
        return writtenAs == null ? address.value() : writtenAs;
    }

    public boolean isPending() {
        return state == RecipientState.PENDING;
    }

    public void delivered(Instant at) {
        change(RecipientState.DELIVERED, at, RecipientState.PENDING);
    }

    /**
     * The recipient fetched the message; remembers which content it got.
     *
     * @return false if it had already been retrieved (nothing changes)
     */
    public boolean retrieved(Long contentId, Instant at) {
        if (state == RecipientState.RETRIEVED || state == RecipientState.READ) {
            return false;
        }
        change(RecipientState.RETRIEVED, at, RecipientState.DELIVERED);
        retrievedContentId = contentId;
        return true;
    }

    public void read(Instant at) {
        change(RecipientState.READ, at, RecipientState.RETRIEVED);
    }

    public void rejected(Instant at) {
        change(RecipientState.REJECTED, at, RecipientState.DELIVERED);
    }

    public void expired(Instant at) {
        change(RecipientState.EXPIRED, at, RecipientState.PENDING, RecipientState.DELIVERED);
    }

    /** Not delivered: the recipient's terminal does not meet the message's DeliveryCondition. */
    public void conditionNotMet(Instant at) {
        change(RecipientState.CONDITION_UNMET, at, RecipientState.PENDING);
    }

    public void cancelled(Instant at) {
        change(RecipientState.CANCELLED, at, RecipientState.PENDING, RecipientState.DELIVERED);
    }

    private void change(RecipientState to, Instant at, RecipientState... allowedFrom) {
        if (!java.util.List.of(allowedFrom).contains(state)) {
            throw new IllegalStateException("the message is " + state + " for " + address + ", it cannot become " + to);
        }
        state = to;
        stateChangedAt = at;
    }

    public Long id() {
        return id;
    }

    public MultimediaMessage message() {
        return message;
    }

    public Address address() {
        return address;
    }

    public RecipientKind kind() {
        return kind;
    }

    public RecipientState state() {
        return state;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public int chunk() {
        return chunk;
    }

    /** the content this recipient retrieved, or null if not retrieved (or the message had none) */
    public Long retrievedContentId() {
        return retrievedContentId;
    }

    /** What the charging events of operations concerning this recipient record: its message's facts and its address. */
    public ChargedOperation charged() {
        return message().charged().withRecipient(address().value());
    }

    /** The record facts of its message with this recipient's address type and list (To, Cc, Bcc). */
    public RecordDetails recordDetails() {
        return message().recordDetails().withRecipient(address(), kind());
    }
}
