package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.persistence.AfterCommit;
import mm7gw.system.NodeHeartbeat;
import mm7gw.vasp.control.VaspRemoval;

/**
 * Writes charging events, always inside the transaction of the state change they record: the event commits or
 * rolls back together with that change. The event is written without a number and holds no lock: once the
 * transaction has committed, a node's {@link ChargingSequence} (this node's, woken by the commit) gives it the next
 * number of the node's gap-free sequence and publishes it to billing. So a transaction that charges waits for
 * nothing but its own writes.
 */
@ApplicationScoped
public class Charging {
    /** this node's name: the writer of the sequence this node's events are numbered in */
    public static final String WRITER = NodeHeartbeat.THIS_NODE;
    private static final String SIGNAL_REGISTERED = Charging.class.getName() + ".signal";

    @Inject
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    ChargingSequence sequence;

    /** Charged traffic must stay attributable to its VASP: a VASP with charging events cannot be deleted. */
    void countEvents(@Observes VaspRemoval removal) {
        removal.count(em, "charging events", "select count(e) from ChargingEvent e where e.vaspId = :vaspId");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChargingEvent event) {
        em.persist(event);
        mm7gw.metrics.Metrics.chargingEvent(event.recordType().name());
        AfterCommit.once(transaction, SIGNAL_REGISTERED, sequence::wake);
    }
}
