package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.stream.IntStream;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.ChargingWriter;
import mm7gw.vasp.control.VaspRemoval;

/**
 * Writes charging events, always inside the transaction of the state change they record: the event, its
 * sequence number and its publication on the billing topic commit or roll back together with that change.
 * <p>
 * Numbers come from counter rows, the node's lanes ({@code mm7.charging.lanes}, default 8): writers
 * {@code <node>}, {@code <node>#2}, ... A transaction claims one free lane with its first event and keeps it locked
 * until it ends, so each writer's numbers are handed out in commit order without gaps, all events of one
 * transaction are consecutive on one writer, and up to as many transactions as there are lanes take numbers at
 * the same time. Only when every lane is taken does a transaction wait, for the lane its thread starts from.
 */
@ApplicationScoped
public class Charging {
    /** this node's name; its first lane writes under exactly this name */
    public static final String WRITER = System.getProperty("jboss.node.name", "mm7-gateway");
    /** counter rows (writers) of this node */
    public static final int LANES = Math.max(1, Integer.getInteger("mm7.charging.lanes", 8));
    private static final String COUNTER = Charging.class.getName() + ".counter";

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    ChargingTopic topic;

    /** The writers of this node's lanes: {@code <node>}, {@code <node>#2}, ... {@code <node>#LANES}. */
    public static final List<String> WRITERS = IntStream.range(0, LANES)
            .mapToObj(lane -> lane == 0 ? WRITER : WRITER + "#" + (lane + 1)).toList();

    /** Charged traffic must stay attributable to its VASP: a VASP with charging events cannot be deleted. */
    void countEvents(@Observes VaspRemoval removal) {
        removal.count(em, "charging events", "select count(e) from ChargingEvent e where e.vaspId = :vaspId");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChargingEvent event) {
        ChargingWriter counter = claimedLane();
        event.sequence(counter.writer(), counter.next());
        em.persist(event);
        topic.publish(event);
    }

    /** The lane of this transaction: claimed with its first event and kept with it. */
    private ChargingWriter claimedLane() {
        ChargingWriter counter = (ChargingWriter) transaction.getResource(COUNTER);
        if (counter == null) {
            counter = claimLane();
            transaction.putResource(COUNTER, counter);
        }
        return counter;
    }

    /**
     * Probes the lanes from one chosen by the thread (so concurrent threads mostly start on different lanes) and
     * locks the first one no other transaction holds; waits only when all are held.
     */
    private ChargingWriter claimLane() {
        int start = (int) Math.floorMod(Thread.currentThread().getId(), (long) WRITERS.size());
        for (int i = 0; i < WRITERS.size(); i++) {
            String writer = WRITERS.get((start + i) % WRITERS.size());
            if (lockIfFree(writer)) {
                // already locked by this transaction: the read returns the current number without waiting
                return find(writer);
            }
        }
        return find(WRITERS.get(start));
    }

    private boolean lockIfFree(String writer) {
        // flush mode COMMIT: probing must not flush the transaction's pending changes early (a failing insert
        // would then fail here rather than at commit)
        return !em.createNativeQuery("SELECT writer FROM mm7_charging_writer WHERE writer = ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, writer)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList().isEmpty();
    }

    private ChargingWriter find(String writer) {
        ChargingWriter counter = em.find(ChargingWriter.class, writer, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            throw new IllegalStateException("no charging sequence for writer " + writer
                    + "; the lanes are created when the application starts");
        }
        return counter;
    }
}
