package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.vasp.control.VaspRemoval;

/**
 * The relay's part in deleting a VASP: MO messages delivered to it and calls made to it are traffic (they forbid
 * the deletion); its relay endpoint (URL, outbound credentials, short codes, trusted certificates) goes with it.
 */
@ApplicationScoped
public class RelayOfVasp {
    @Inject
    EntityManager em;

    void onRemoval(@Observes VaspRemoval removal) {
        removal.count(em, "MO messages", "select count(m) from MoMessage m where m.vaspId = :vaspId");
        removal.count(em, "outbound calls", "select count(c) from OutboundCall c where c.vaspId = :vaspId");
        em.createNamedQuery(RelayEndpoint.BY_VASP, RelayEndpoint.class).setParameter("vaspId", removal.vaspId().value())
                .getResultStream().forEach(em::remove);
    }
}
