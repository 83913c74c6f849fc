package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.ChargingWriter;
import mm7gw.vasp.control.VaspRemoval;

/**
 * Writes charging events, always inside the transaction of the state change they record: the event, its
 * sequence number and its publication on the billing topic commit or roll back together with that change.
 * The writer's counter row stays locked from the first event of a transaction until it ends, so concurrent
 * transactions on the same node take their numbers one after the other.
 */
@ApplicationScoped
public class Charging {
    /** this node's name as a writer of charging events */
    public static final String WRITER = System.getProperty("jboss.node.name", "mm7-gateway");
    private static final String COUNTER = Charging.class.getName() + ".counter";

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    ChargingTopic topic;

    /** Charged traffic must stay attributable to its VASP: a VASP with charging events cannot be deleted. */
    void countEvents(@Observes VaspRemoval removal) {
        removal.count(em, "charging events", "select count(e) from ChargingEvent e where e.vaspId = :vaspId");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChargingEvent event) {
        ChargingWriter counter = lockedCounter();
        event.sequence(counter.writer(), counter.next());
        em.persist(event);
        topic.publish(event);
    }

    /** The writer's counter, locked once per transaction and kept with it. */
    private ChargingWriter lockedCounter() {
        ChargingWriter counter = (ChargingWriter) transaction.getResource(COUNTER);
        if (counter == null) {
            counter = em.find(ChargingWriter.class, WRITER, LockModeType.PESSIMISTIC_WRITE);
            if (counter == null) {
                throw new IllegalStateException("no charging sequence for writer " + WRITER
                        + "; it is created when the application starts");
            }
            transaction.putResource(COUNTER, counter);
        }
        return counter;
    }
}
