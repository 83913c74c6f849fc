package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import mm7gw.vasp.entity.RateWindow;

/**
 * Per-VASP rate limits that hold across every node of a cluster: the counters live in one database row per
 * VASP ({@link RateWindow}), locked for the few statements of a short transaction of its own, so the submission's
 * own (longer) transaction never holds the lock.
 */
@ApplicationScoped
public class RateLimiter {
    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Thrown when the VASP has no counter row yet; the caller creates it and asks again. */
    static class NoWindow extends RuntimeException {
        NoWindow() {
            super(null, null, false, false);
        }
    }

    /** @return null when admitted (and counted), else which limit the request exceeds */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String admit(String vaspId, int recipients, Integer maxSubmissions, Integer maxRecipients) {
        RateWindow window = em.find(RateWindow.class, vaspId, LockModeType.PESSIMISTIC_WRITE);
        if (window == null) {
            throw new NoWindow();
        }
        return window.admit(clock.instant().getEpochSecond(), recipients, maxSubmissions, maxRecipients);
    }

    /** Creates the VASP's counter row; fails harmlessly (in its own transaction) if another node just did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(String vaspId) {
        if (em.find(RateWindow.class, vaspId) == null) {
            em.persist(new RateWindow(vaspId));
            em.flush();
        }
    }
}
