package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import mm7gw.kernel.VaspId;
import mm7gw.system.LogText;
import mm7gw.vasp.entity.AccessRefusal;

/** Keeps the audit trail of refused MM7 requests, in a transaction of its own so a refusal's rollback keeps it. */
@ApplicationScoped
public class AccessAudit {
    private static final Logger LOG = Logger.getLogger(AccessAudit.class.getName());

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AccessRefusal refusal) {
        em.persist(refusal);
        // everything but the status code and operation comes from the request: escaped, it stays on its line
        LOG.info(() -> "refused " + refusal.operation() + " for login '" + LogText.escape(refusal.login()) + "' (VASP "
                + LogText.escape(refusal.vaspId()) + ", VASID " + LogText.escape(refusal.vasId()) + ", TransactionID "
                + LogText.escape(refusal.transactionId()) + ", from " + LogText.escape(refusal.clientAddress())
                + "): " + refusal.statusCode() + " " + LogText.escape(refusal.details()));
    }

    public List<AccessRefusal> ofVasp(VaspId vaspId, int max) {
        return em.createNamedQuery(AccessRefusal.OF_VASP, AccessRefusal.class).setParameter("vaspId", vaspId.value())
                .setMaxResults(max).getResultList();
    }
}
