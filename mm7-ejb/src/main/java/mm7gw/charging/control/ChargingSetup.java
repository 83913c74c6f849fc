package mm7gw.charging.control;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import java.util.logging.Logger;
import mm7gw.charging.entity.ChargingWriter;

/**
 * At start-up: creates this node's charging sequence (once per writer, so no two transactions ever race to create
 * it). On PostgreSQL the schema's trigger refuses UPDATE, DELETE and TRUNCATE on the charging events, apart from the
 * sequencer numbering an event once (migration V1, db/migration/postgresql).
 */
@Singleton
@Startup
@PermitAll
public class ChargingSetup {
    private static final Logger LOG = Logger.getLogger(ChargingSetup.class.getName());

    @Inject
    EntityManager em;

    @PostConstruct
    void start() {
        if (em.find(ChargingWriter.class, Charging.WRITER) == null) {
            em.persist(new ChargingWriter(Charging.WRITER));
            LOG.info(() -> "charging sequence created for writer " + Charging.WRITER);
        }
    }
}
