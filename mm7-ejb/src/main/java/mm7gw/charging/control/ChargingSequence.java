package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.ChargingWriter;
import mm7gw.persistence.AfterCommit;
import mm7gw.persistence.DatabaseKind;
import mm7gw.system.NodeWorker;

/**
 * This node's gap-free sequence of charging events. In one transaction: claims a batch of committed events that
 * have no number yet (oldest first; rows another node's sequencer is numbering at the moment are skipped, so any
 * node may number any node's events, and the events of a node that died are numbered by the others), gives them
 * this node's next numbers, and publishes each to billing. The writer's counter row is locked for that
 * transaction, so even two deployments of the gateway on the same node could not hand out a number twice; the
 * business transactions never touch it.
 */
@ApplicationScoped
public class ChargingSequence {
    @Inject
    EntityManager em;

    @Inject
    ChargingTopic topic;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Where the next round looks; a full pass at most {@code mm7.charging.sequencer-full-pass-millis} (1000) apart. */
    private final UnnumberedScan scan = new UnnumberedScan(
            Math.max(0, Long.getLong("mm7.charging.sequencer-full-pass-millis", 1000)));

    private volatile NodeWorker worker;

    /**
     * Starts numbering on a thread of its own, running the step whenever woken, at least once a second and at most
     * every {@code mm7.charging.sequencer-linger-millis} (default 50), so a busy node numbers in batches.
     */
    public void start(ManagedThreadFactory threads, NodeWorker.Step step) {
        worker = new NodeWorker("mm7-charging-sequencer", Long.getLong("mm7.charging.sequencer-linger-millis", 50),
                1000, step);
        worker.start(threads);
    }

    public void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Events were committed: number them now rather than at the next round. */
    public void wake() {
        NodeWorker w = worker;
        if (w != null) {
            w.wake();
        }
    }

    /**
     * One round: the writer's row locked, the events claimed (their rows locked, those locked by another sequencer
     * skipped; above the {@link UnnumberedScan}'s bound) and numbered in the order of their ids, then published; at
     * the commit the writer's update. Called by the sequencer's thread only.
     * <p>
     * On PostgreSQL one statement claims, numbers and returns the events. Numbered through the entities, each event
     * would be an UPDATE of its own at the commit, each parsed, planned and run separately (the new row versions go
     * into the table's indexes either way); in a replay of a submit's rows, a round of 40 events cost PostgreSQL a
     * third more CPU that way (docs/bench-profile.md, "The charging events numbered in one statement"). H2 runs in the
     * server's JVM and numbers through the entities.
     *
     * @return the numbers given, or null when there was nothing to number
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ChargingEventsSequenced numberNext(int max) {
        ChargingWriter writer = em.find(ChargingWriter.class, Charging.WRITER, LockModeType.PESSIMISTIC_WRITE);
        if (writer == null) {
            throw new IllegalStateException("no charging sequence for writer " + Charging.WRITER
                    + "; it is created when the application starts");
        }
        DatabaseKind.preferIndexScans(em);
        long first = writer.lastSequenceNumber() + 1;
        long above = scan.lowerBound(System.nanoTime());
        List<ChargingEvent> events = DatabaseKind.postgresql(em) ? claimedAndNumbered(writer, first, above, max)
                : numbered(writer, claimed(above, max));
        if (events.isEmpty()) {
            return null;
        }
        long highestId = events.stream().mapToLong(ChargingEvent::id).max().getAsLong();
        AfterCommit.register(transaction, () -> scan.numbered(highestId));
        topic.publish(events);
        return new ChargingEventsSequenced(writer.writer(), first, writer.lastSequenceNumber(), events);
    }

    /** PostgreSQL: the events claimed and numbered by one statement, in number order; the writer advanced to match. */
    private List<ChargingEvent> claimedAndNumbered(ChargingWriter writer, long first, long above, int max) {
        @SuppressWarnings("unchecked")
        List<ChargingEvent> events = new ArrayList<>(em.createNativeQuery("WITH claimed AS (SELECT id,"
                + " row_number() OVER (ORDER BY id) AS n FROM (SELECT id FROM mm7_charging_event WHERE seq IS NULL"
                + " AND id > ?3 ORDER BY id FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED) c)"
                + " UPDATE mm7_charging_event e SET writer = ?1, seq = ?2 + claimed.n - 1 FROM claimed"
                + " WHERE e.id = claimed.id RETURNING e.*", ChargingEvent.class)
                .setParameter(1, writer.writer())
                .setParameter(2, first)
                .setParameter(3, above)
                .getResultList());
        events.sort(Comparator.comparing(ChargingEvent::sequenceNumber));
        for (ChargingEvent event : events) {
            long next = writer.next();
            if (!event.isSequenced() || event.sequenceNumber() != next || !writer.writer().equals(event.writer())) {
                throw new IllegalStateException("charging event " + event.id() + " came back numbered "
                        + event.writer() + "/" + event.sequenceNumber() + " where " + writer.writer() + "/" + next
                        + " was given");
            }
        }
        return events;
    }

    /** H2: the events claimed in the order of their ids. */
    @SuppressWarnings("unchecked")
    private List<ChargingEvent> claimed(long above, int max) {
        return em.createNativeQuery("SELECT * FROM mm7_charging_event WHERE seq IS NULL AND id > ?1"
                + " ORDER BY id FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED", ChargingEvent.class)
                .setParameter(1, above)
                .getResultList();
    }

    /** H2: the claimed events numbered through the entities (one UPDATE each at the commit). */
    private static List<ChargingEvent> numbered(ChargingWriter writer, List<ChargingEvent> events) {
        for (ChargingEvent event : events) {
            event.sequence(writer.writer(), writer.next());
        }
        return events;
    }
}
