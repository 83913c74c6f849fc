package mm7gw.charging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import mm7gw.charging.entity.ChargingWriter;
import mm7gw.system.ServerResources;

/**
 * At start-up: creates this node's charging sequence (once per writer, so no two transactions ever race to create
 * it) and, on PostgreSQL, a trigger that refuses UPDATE, DELETE and TRUNCATE on the charging events, apart from the
 * sequencer numbering an event once, so not even SQL outside the application can change what billing was told.
 */
@Singleton
@Startup
@PermitAll
public class ChargingSetup {
    private static final Logger LOG = Logger.getLogger(ChargingSetup.class.getName());

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void start() {
        if (em.find(ChargingWriter.class, Charging.WRITER) == null) {
            em.persist(new ChargingWriter(Charging.WRITER));
            LOG.info(() -> "charging sequence created for writer " + Charging.WRITER);
        }
        guardEventsOnPostgresql();
    }

    private void guardEventsOnPostgresql() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return;
            }
            // the one change allowed: the sequencer numbering an event that has no number yet
            s.execute("CREATE OR REPLACE FUNCTION mm7_charging_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$"
                    + " DECLARE numbered mm7_charging_event;"
                    + " BEGIN"
                    + "  IF TG_OP = 'UPDATE' AND OLD.writer IS NULL AND OLD.seq IS NULL"
                    + "     AND NEW.writer IS NOT NULL AND NEW.seq IS NOT NULL THEN"
                    + "   numbered := OLD; numbered.writer := NEW.writer; numbered.seq := NEW.seq;"
                    + "   IF numbered IS NOT DISTINCT FROM NEW THEN RETURN NEW; END IF;"
                    + "  END IF;"
                    + "  RAISE EXCEPTION 'charging events are immutable: % refused', TG_OP;"
                    + " END $f$");
            s.execute("DROP TRIGGER IF EXISTS mm7_charging_event_no_change ON mm7_charging_event");
            s.execute("CREATE TRIGGER mm7_charging_event_no_change BEFORE UPDATE OR DELETE ON mm7_charging_event"
                    + " FOR EACH ROW EXECUTE FUNCTION mm7_charging_event_immutable()");
            s.execute("DROP TRIGGER IF EXISTS mm7_charging_event_no_truncate ON mm7_charging_event");
            s.execute("CREATE TRIGGER mm7_charging_event_no_truncate BEFORE TRUNCATE ON mm7_charging_event"
                    + " FOR EACH STATEMENT EXECUTE FUNCTION mm7_charging_event_immutable()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not protect the charging events: " + e.getMessage(), e);
        }
    }
}
