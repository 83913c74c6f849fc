package mm7gw.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import mm7gw.admin.entity.AdminAuditEntry;

/** The audit log of administrative changes, newest first. */
@Stateless
@RolesAllowed("admin")
public class AdminAuditLog {
    @Inject
    EntityManager em;

    public record Entry(long id, Instant at, String adminUser, String action, String target, String details) {
    }

    public List<Entry> page(int first, int max) {
        return em.createQuery("select a from AdminAuditEntry a order by a.id desc", AdminAuditEntry.class)
                .setFirstResult(first).setMaxResults(max).getResultStream()
                .map(a -> new Entry(a.id(), a.at(), a.adminUser(), a.action(), a.target(), a.details())).toList();
    }

    public long count() {
        return em.createQuery("select count(a) from AdminAuditEntry a", Long.class).getSingleResult();
    }
}
