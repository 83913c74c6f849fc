package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, finds messages whose ExpiryDate has passed and expires them, one message per transaction
 * (see {@link Expiry}). The scan keeps no state of its own: what is due is in the database, so a restart
 * loses nothing (the timer is not persistent because the next scan after a restart does the same work).
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpiryScan {
    private static final Logger LOG = Logger.getLogger(ExpiryScan.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @EJB
    Expiry expiry;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void scan() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<String> due = em.createQuery("select m.messageId from MultimediaMessage m"
                            + " where m.expiryDate <= :now and m.expiredAt is null order by m.expiryDate", String.class)
                    .setParameter("now", Instant.now()).setMaxResults(100).getResultList();
            for (String messageId : due) {
                try {
                    expiry.expire(messageId);
                } catch (Exception e) { // a failed commit may surface as the checked RollbackException
                    LOG.log(Level.WARNING, "could not expire message " + messageId + "; next scan retries", e);
                }
            }
        } finally {
            running.set(false);
        }
    }
}
