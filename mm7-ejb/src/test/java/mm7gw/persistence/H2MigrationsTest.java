package mm7gw.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The H2 migrations give the schema the entity mappings expect: the same tables, columns (type, length,
 * nullability) and sequences as EclipseLink generates from the mappings into an empty H2 database.
 * {@code -Dmm7.h2.generated-schema=FILE} writes the generated schema to FILE (to write a migration from).
 */
class H2MigrationsTest {

    @Test
    void migratedSchemaMatchesTheMappings() throws Exception {
        JdbcDataSource migrated = h2("migrated");
        MigrateResult result = SchemaMigration.migrate(migrated, false);
        assertEquals("h2", SchemaMigration.databaseKind(migrated));
        assertEquals(0, SchemaMigration.migrate(migrated, false).migrationsExecuted, "a second run changes nothing");

        JdbcDataSource generated = h2("generated");
        generateFromMappings(generated);
        String file = System.getProperty("mm7.h2.generated-schema");
        if (file != null) {
            dump(generated, Path.of(file));
        }
        assertEquals(describe(generated), describe(migrated), "schema after " + result.migrationsExecuted + " migrations");
    }

    @Test
    void cleanEmptiesTheSchemaBeforeMigrating() throws Exception {
        JdbcDataSource db = h2("cleaned");
        SchemaMigration.migrate(db, false);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO mm7_node_heartbeat (node, seen_at) VALUES ('n1', CURRENT_TIMESTAMP)");
        }
        SchemaMigration.migrate(db, true);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM mm7_node_heartbeat")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static void generateFromMappings(JdbcDataSource target) {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("mm7", Map.ofEntries(
                Map.entry("jakarta.persistence.transactionType", "RESOURCE_LOCAL"),
                Map.entry("jakarta.persistence.jdbc.driver", "org.h2.Driver"),
                Map.entry("jakarta.persistence.jdbc.url", target.getURL()),
                Map.entry("jakarta.persistence.jdbc.user", "sa"),
                Map.entry("jakarta.persistence.sharedCache.mode", "NONE"),
                Map.entry("eclipselink.target-server", "None"),
                Map.entry("eclipselink.session.customizer", NoMigration.class.getName()),
                Map.entry("eclipselink.ddl-generation", "create-tables"),
                Map.entry("eclipselink.ddl-generation.output-mode", "database"),
                Map.entry("eclipselink.logging.level", "WARNING")));
        try {
            emf.createEntityManager().close();
        } finally {
            emf.close();
        }
    }

    /** Replaces the migration while EclipseLink generates the schema itself. */
    public static class NoMigration implements SessionCustomizer {
        @Override
        public void customize(Session session) {
        }
    }

    private static List<String> describe(JdbcDataSource ds) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                    + " IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_NAME <> 'flyway_schema_history' ORDER BY TABLE_NAME, COLUMN_NAME")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3) + "("
                            + rs.getString(4) + ") nullable=" + rs.getString(5));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' ORDER BY SEQUENCE_NAME")) {
                while (rs.next()) {
                    lines.add("sequence " + rs.getString(1) + " by " + rs.getLong(2));
                }
            }
        }
        return lines;
    }

    private static void dump(JdbcDataSource ds, Path file) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT NODATA");
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            while (rs.next()) {
                out.println(rs.getString(1));
            }
        }
    }
}
