package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mm7gw.relay.entity.OutboundCall;

/**
 * Records a failed or postponed attempt in its own transaction, so that admins see it although the attempt's
 * transaction rolls back (which is what makes the broker redeliver).
 */
@ApplicationScoped
public class OutboundFailures {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long callId, Integer httpStatus, String error) {
        OutboundCall call = em.find(OutboundCall.class, callId);
        if (call != null) {
            call.attemptFailed(httpStatus, error);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void waiting(long callId, String why) {
        OutboundCall call = em.find(OutboundCall.class, callId);
        if (call != null) {
            call.waiting(why);
        }
    }
}
