package mm7gw.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import mm7gw.system.ServerResources;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to this build's version before the persistence unit logs in: the versioned
 * migrations under {@code db/migration/postgresql} or {@code db/migration/h2} (Flyway), against the unit's own
 * data source. EclipseLink generates no DDL.
 * <p>
 * A database the previous release created (tables, no migration history) is taken as version 1, the baseline,
 * and migrated from there. {@code -Dmm7.schema.clean=true} drops everything in the schema first; for test
 * servers only, never set by default.
 */
public class SchemaMigration implements SessionCustomizer {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    static final String CLEAN = "mm7.schema.clean";

    @Override
    public void customize(Session session) throws Exception {
        migrate(dataSource(session), Boolean.getBoolean(CLEAN));
    }

    /** Migrates the schema the data source's connections work in; with {@code clean}, empties it first. */
    public static MigrateResult migrate(DataSource dataSource, boolean clean) throws SQLException {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + databaseKind(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema of the release before versioned migrations")
                .cleanDisabled(!clean)
                .load();
        if (clean) {
            LOG.warning("mm7.schema.clean=true: dropping every object of the gateway's schema (test servers only)");
            flyway.clean();
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> result.migrationsExecuted == 0
                ? "database schema up to date at version " + result.initialSchemaVersion
                : "database schema migrated from version "
                        + (result.initialSchemaVersion == null ? "(empty)" : result.initialSchemaVersion) + " to "
                        + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations)");
        return result;
    }

    static String databaseKind(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (DatabaseKind.postgresql(product)) {
                return "postgresql";
            }
            if (product.toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("no schema migrations for the database " + product + " (PostgreSQL or H2)");
        }
    }

    private static DataSource dataSource(Session session) throws NamingException {
        if (session.getDatasourceLogin() instanceof DatasourceLogin login
                && login.getConnector() instanceof JNDIConnector jndi) {
            if (jndi.getDataSource() != null) {
                return jndi.getDataSource();
            }
            if (jndi.getName() != null) {
                return (DataSource) new InitialContext().lookup(jndi.getName());
            }
        }
        return (DataSource) new InitialContext().lookup(ServerResources.DATA_SOURCE);
    }
}
