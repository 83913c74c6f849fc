package mm7gw.charging.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The sequence counter of one writer of charging events: a server node, whose sequencer locks this row
 * (pessimistic write lock) while it numbers a batch of committed events, so the numbers are gap-free: billing
 * sees 1, 2, 3, ... per writer and can tell a lost event by the gap. Not in the shared cache: it is only ever
 * read under its lock.
 */
@Entity
@Cacheable(false)
@Table(name = "mm7_charging_writer")
public class ChargingWriter {
    @Id
    @Column(length = 128)
    private String writer;

    /** the last number handed out; 0 before the first event */
    @Column(name = "last_seq", nullable = false)
    private long lastSequenceNumber;

    protected ChargingWriter() {
    }

    public ChargingWriter(String writer) {
        this.writer = writer;
    }

    public long next() {
        return ++lastSequenceNumber;
    }

    public String writer() {
        return writer;
    }

    public long lastSequenceNumber() {
        return lastSequenceNumber;
    }
}
