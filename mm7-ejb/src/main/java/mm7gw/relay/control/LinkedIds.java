package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import mm7gw.kernel.VaspId;
import mm7gw.relay.entity.MoMessage;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;

/** Checks the LinkedID of a VASP's submit: it must name an MO message delivered to that VASP (else 2006). */
@ApplicationScoped
public class LinkedIds {
    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    public MoMessage requireFor(VaspId vaspId, String linkedId) {
        return em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class).setParameter("linkedId", linkedId.trim())
                .getResultStream().filter(m -> m.vaspId().equals(vaspId)).findFirst()
                .orElseThrow(() -> new Mm7Rejection(StatusCode.LINKED_ID_NOT_FOUND, "LinkedID " + linkedId
                        + " does not name a message delivered to VASP " + vaspId));
    }
}
