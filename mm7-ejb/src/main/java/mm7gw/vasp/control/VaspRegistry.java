package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import mm7gw.elytron.KeptReads;
import mm7gw.kernel.VaspId;
import mm7gw.vasp.entity.RateWindow;
import mm7gw.vasp.entity.Vasp;

/** Finds VASPs by the names they are known by. */
@ApplicationScoped
public class VaspRegistry {
    /** the VASPs as admission reads them, by login (cleared by {@link VaspChanges}) */
    private static final KeptReads<String, Optional<Vasp>> ADMISSION_VIEWS = new KeptReads<>();

    @Inject
    EntityManager em;

    /**
     * The account's VASP with its services and service levels as read at most {@code mm7.cache.millis} ago, for
     * admitting requests: read it, never change it (it is shared by concurrent requests); an entity that refers to
     * it stores a reference instead (see {@code Messages.add}).
     */
    public Optional<Vasp> forAdmission(String login) {
        return ADMISSION_VIEWS.get(login, l -> byLogin(l).map(Vasp::loadedForAdmission));
    }

    static void forgetAdmissionViews() {
        ADMISSION_VIEWS.forgetAll();
    }

    public Optional<Vasp> byLogin(String login) {
        // the whole list, read at once: also called outside a transaction (VaspRequestLimits), where the query's
        // entity manager lives only for the call
        return em.createNamedQuery(Vasp.BY_LOGIN, Vasp.class).setParameter("login", login)
                .getResultList().stream().findFirst();
    }

    public Optional<Vasp> byVaspId(VaspId vaspId) {
        return em.createNamedQuery(Vasp.BY_VASP_ID, Vasp.class).setParameter("vaspId", vaspId.value())
                .getResultStream().findFirst();
    }

    public Optional<Vasp> byClientCertificate(String sha256) {
        return em.createNamedQuery(Vasp.BY_CLIENT_CERT, Vasp.class).setParameter("sha256", sha256)
                .getResultStream().findFirst();
    }

    public List<Vasp> all() {
        return em.createNamedQuery(Vasp.ALL, Vasp.class).getResultList();
    }

    public void add(Vasp vasp) {
        em.persist(vasp);
    }

    /** Locks the VASP's row until the transaction ends (against a concurrent change or deletion). */
    public void lock(Vasp vasp) {
        em.lock(vasp, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Deletes the VASP with its services and service levels, and its rate-limit window. */
    public void remove(Vasp vasp) {
        RateWindow window = em.find(RateWindow.class, vasp.vaspId().value());
        if (window != null) {
            em.remove(window);
        }
        em.remove(vasp);
    }

    /** Lifts every block of the VASP's login, from whatever source address (see mm7_login_failure). */
    public void clearLoginFailures(String login) {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.accountKind = 'vasp' AND f.login = :login")
                .setParameter("login", login).executeUpdate();
    }
}
