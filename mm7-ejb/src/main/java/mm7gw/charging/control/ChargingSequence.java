package mm7gw.charging.control;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.ChargingWriter;
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
     * One round: the writer's row locked, the events claimed and read in one statement (their rows locked, those
     * locked by another sequencer skipped), numbered and published; at the commit one batch of updates of the
     * events and the writer's update.
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
        @SuppressWarnings("unchecked")
        List<ChargingEvent> events = em.createNativeQuery("SELECT * FROM mm7_charging_event WHERE seq IS NULL"
                + " ORDER BY id FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED", ChargingEvent.class)
                .getResultList();
        if (events.isEmpty()) {
            return null;
        }
        long first = writer.lastSequenceNumber() + 1;
        for (ChargingEvent event : events) {
            event.sequence(writer.writer(), writer.next());
        }
        topic.publish(events);
        return new ChargingEventsSequenced(writer.writer(), first, writer.lastSequenceNumber(), events);
    }
}
