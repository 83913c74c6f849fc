package mm7gw.directory.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import mm7gw.kernel.Address;
import mm7gw.kernel.DeliveryConditions;

/** A subscriber of this MMSC, known by its normalised address, with the state that decides delivery. */
@Entity
@Table(name = "mm7_subscriber", uniqueConstraints = @UniqueConstraint(name = "mm7_subscriber_address",
        columnNames = {"address_type", "address"}),
        indexes = @Index(name = "mm7_subscriber_lookup", columnList = "address"))
public class Subscriber {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mm7_subscriber_seq")
    @SequenceGenerator(name = "mm7_subscriber_seq", sequenceName = "mm7_subscriber_seq", allocationSize = 50)
    private Long id;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "type", column = @Column(name = "address_type", length = 12, nullable = false)),
        @AttributeOverride(name = "value", column = @Column(name = "address", length = 256, nullable = false))
    })
    private Address address;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private SubscriberState state;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    /** the DeliveryCondition values (DC) the subscriber's terminal meets, "1,2"; null: not known to be limited */
    @Column(name = "conditions_met", length = DeliveryConditions.TEXT_LENGTH)
    private String conditionsMet;

    protected Subscriber() {
    }

    public Subscriber(Address address, SubscriberState state) {
        this.address = address;
        changeState(state);
    }

    public void changeState(SubscriberState state) {
        this.state = state;
        this.stateChangedAt = Instant.now();
    }

    /** What the subscriber's terminal meets of TS 23.140's delivery conditions; null: every condition. */
    public void terminalMeets(DeliveryConditions met) {
        this.conditionsMet = met == null ? null : met.isEmpty() ? "" : met.text();
    }

    /** the DC values the terminal meets, or null when the directory knows no limit */
    public DeliveryConditions conditionsMet() {
        return conditionsMet == null ? null : DeliveryConditions.parse(conditionsMet);
    }

    public Address address() {
        return address;
    }

    public SubscriberState state() {
        return state;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }
}
