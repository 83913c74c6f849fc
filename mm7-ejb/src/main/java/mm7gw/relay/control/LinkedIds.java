package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import mm7gw.relay.entity.MoMessage;
import mm7gw.submission.control.LinkedIdNamed;

/** Confirms the LinkedID of a VASP's submit when it names an MO message delivered to that VASP (else 2006). */
@ApplicationScoped
public class LinkedIds {
    @Inject
    EntityManager em;

    void confirm(@Observes LinkedIdNamed named) {
        if (em.createNamedQuery(MoMessage.BY_LINKED_ID, MoMessage.class).setParameter("linkedId", named.linkedId())
                .getResultStream().anyMatch(m -> m.vaspId().equals(named.vaspId()))) {
            named.confirm();
        }
    }
}
