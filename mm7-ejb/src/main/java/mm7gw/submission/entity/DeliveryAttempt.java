package mm7gw.submission.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
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

/** One attempt to hand a message to one recipient, with its outcome. */
@Entity
@Cacheable(false) // written in bulk (one per recipient and change), read rarely: not worth the shared cache
@Table(name = "mm7_delivery_attempt", indexes = @Index(name = "mm7_attempt_recipient", columnList = "recipient"))
public class DeliveryAttempt {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_attempt_seq")
    @SequenceGenerator(name = "mm7_attempt_seq", sequenceName = "mm7_attempt_seq", allocationSize = 1000)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "recipient")
    private Recipient recipient;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 24, nullable = false)
    private DeliveryOutcome outcome;

    @Column(length = 500)
    private String detail;

    protected DeliveryAttempt() {
    }

    public DeliveryAttempt(Recipient recipient, DeliveryOutcome outcome, String detail) {
        this.recipient = recipient;
        this.attemptedAt = Instant.now();
        this.outcome = outcome;
        this.detail = detail;
    }

    public Recipient recipient() {
        return recipient;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public DeliveryOutcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
