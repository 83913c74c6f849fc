package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import mm7gw.kernel.VaspId;
import mm7gw.vasp.entity.RateWindow;

/**
 * The VASPs' shared rate counters ({@link RateWindow}), each changed in a short transaction of its own that
 * locks the row, so the request's own (longer) transaction never holds the lock.
 */
@ApplicationScoped
public class RateWindows {
    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** Thrown when the VASP has no counter row yet; the caller creates it and asks again. */
    static class NoWindow extends RuntimeException {
        NoWindow() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes a lease of permits for the current second from the VASP's counters (see {@link RateWindow#lease}); the
     * second is read once the row is locked, so a node that waited for the lock does not take permits of a second
     * that is over.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RateWindow.Grant lease(VaspId vaspId, int recipients, int submissionsWanted, int recipientsWanted,
            Integer maxSubmissions, Integer maxRecipients) {
        RateWindow window = em.find(RateWindow.class, vaspId.value(), LockModeType.PESSIMISTIC_WRITE);
        if (window == null) {
            throw new NoWindow();
        }
        return window.lease(clock.instant().getEpochSecond(), recipients, submissionsWanted, recipientsWanted,
                maxSubmissions, maxRecipients);
    }

    /** Creates the VASP's counter row; fails harmlessly (in its own transaction) if another node just did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(VaspId vaspId) {
        if (em.find(RateWindow.class, vaspId.value()) == null) {
            em.persist(new RateWindow(vaspId));
            em.flush();
        }
    }
}
