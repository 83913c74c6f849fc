package mm7gw.admin.control;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import java.util.List;
import mm7gw.admin.entity.AdminAccount;
import mm7gw.elytron.KeptReads;
import mm7gw.system.Forgetting;

/**
 * Which credentials an administrator has now, as a stamp that changes with every password change (a digest of the
 * stored hash, never the hash itself), read from the database, so that each node of a cluster sees a change made
 * through another one: a console session remembers the stamp it was opened with and is signed out when it differs
 * ({@code mm7gw.admin.web.ConsoleSessions}). Kept per node for {@code mm7.cache.millis} (1 s) so that a burst of
 * console requests reads it once; a change through this node clears it at once. An EJB: the web module's filter
 * reaches the gateway's persistence unit through it (Payara resolves the unit in the EJB module only), open to every
 * caller (WildFly denies an EJB method without a role declaration: the EJB module's default).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AdminCredentials {
    private static final KeptReads<String, String> STAMPS = new KeptReads<>();
    /** the stamp of an administrator who does not exist or is disabled */
    private static final String NONE = "";

    @Inject
    EntityManager em;

    /** The administrator's stamp as it may be kept on this node for up to a second. */
    public String stamp(String login) {
        return STAMPS.get(login, this::current);
    }

    /** The administrator's stamp read from the database now. */
    public String current(String login) {
        // a query, not the persistence context or the shared cache: another node's change must be seen
        List<AdminAccount> found = em.createQuery("select a from AdminAccount a where a.username = :login",
                AdminAccount.class).setParameter("login", login)
                .setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .getResultList();
        return found.isEmpty() || !found.get(0).isEnabled() ? NONE : found.get(0).credentialStamp();
    }

    /** Forgets the kept stamps (a password changed through this node). */
    public void changed() {
        Forgetting.nowAndAfterTransaction(STAMPS::forgetAll);
    }
}
