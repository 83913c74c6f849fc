package mm7gw.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.Principal;
import mm7gw.admin.entity.AdminAuditEntry;

/** Records every administrative change in the caller's transaction, so a change and its record go together. */
@ApplicationScoped
public class AdminAudit {
    @Inject
    EntityManager em;

    @Inject
    Principal caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String target, String details) {
        em.persist(new AdminAuditEntry(caller.getName(), action, target, details));
    }
}
