package mm7gw.charging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import mm7gw.charging.entity.ChargingEvent;

/** Writes charging events, always inside the transaction of the state change they record. */
@ApplicationScoped
public class Charging {
    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChargingEvent event) {
        em.persist(event);
    }
}
