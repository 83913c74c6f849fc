package mm7gw.charging.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.util.List;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.persistence.DatabaseKind;

/** Read access to charging events. There is deliberately no way to change or delete one. */
@Stateless
@RolesAllowed("admin")
public class ChargingRecords {
    @Inject
    EntityManager em;

    public List<ChargingEventView> forMessage(String messageId) {
        return em.createNamedQuery(ChargingEvent.BY_MESSAGE_ID, ChargingEvent.class)
                .setParameter("messageId", messageId).getResultStream().map(ChargingEventView::of).toList();
    }

    /** Committed charging events not numbered yet: how far the sequencers are behind. */
    public long unnumbered() {
        DatabaseKind.preferIndexScans(em);
        return em.createQuery("select count(e) from ChargingEvent e where e.sequenceNumber is null", Long.class)
                .getSingleResult();
    }
}
