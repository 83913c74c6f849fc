package mm7gw.submission.entity;

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
import java.time.Instant;

/** One recipient of a submitted message, with its own delivery state. */
@Entity
@Table(name = "mm7_recipient", indexes = @Index(name = "mm7_recipient_message", columnList = "message"))
public class Recipient {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_recipient_seq")
    @SequenceGenerator(name = "mm7_recipient_seq", sequenceName = "mm7_recipient_seq", allocationSize = 100)
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

    protected Recipient() {
    }

    Recipient(MultimediaMessage message, Address address, RecipientKind kind) {
        this.message = message;
        this.address = address;
        this.kind = kind;
        this.state = RecipientState.PENDING;
        this.stateChangedAt = Instant.now();
    }

    public boolean isPending() {
        return state == RecipientState.PENDING;
    }

    public void delivered(Instant at) {
        state = RecipientState.DELIVERED;
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
}
