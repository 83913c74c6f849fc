package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * An upgrade: a database the release before versioned migrations created, with data in it
 * ({@code upgrade/release-before-migrations.sql}: VASPs, a message whose recipients reached every state, a message
 * accepted and not yet distributed, charging events numbered 1 to 3 and one not yet numbered), is taken over by
 * this build. The server is restarted on that database (its own copy, beside the suite's), the migrations run
 * from the baseline, the pending message is delivered and the charging numbers go on from 4 without a gap. The
 * server then goes back to the suite's database. PostgreSQL; WildFly (the server's process restarted with other
 * system properties) and Payara (the domain stopped, its JDBC pool and system properties changed, started again).
 */
class UpgradeIT {
    private static final String NODE = "mm7-upgrade-node";

    @Test
    void theCurrentBuildCarriesOnWithTheDataOfTheReleaseBefore() throws Exception {
        assumeTrue(Billing.onPostgresql(), "PostgreSQL");
        String suiteUrl = System.getProperty("mm7.it.pg-url");
        String upgradeUrl = createFromFixture(suiteUrl);
        // CDR files of its own: the records of the upgraded database are not the suite's (CrashIT reads the suite's)
        String cdrDir = java.nio.file.Path.of("target", "upgrade-cdr").toAbsolutePath().toString();
        if (Gateway.ON_WILDFLY) {
            ServerProcess server = ServerProcess.find();
            server.stop();
            ServerProcess upgraded = server.restart(Map.of("mm7.db.url", upgradeUrl, "jboss.node.name", NODE,
                            "mm7.cdr.dir", cdrDir),
                    Duration.ofMinutes(3), "server-upgrade.log").server();
            try {
                carriesOn(upgradeUrl);
            } finally {
                upgraded.stop();
                server.restartKeepingData(Duration.ofMinutes(3), "server-after-upgrade.log");
            }
        } else {
            // the domain stopped, pointed at the upgrade's database (the JDBC pool) with the node name and CDR
            // directory as system properties, started again: the deployed gateway migrates that database as it loads
            PayaraDomain domain = PayaraDomain.get();
            String domainUrl = domain.databaseUrl();
            domain.stopDomain();
            Map<String, String> upgrade = new java.util.HashMap<>(Map.of("mm7.schema.clean", "false",
                    "jboss.node.name", NODE, "mm7.cdr.dir", cdrDir));
            domain.configure(upgrade, upgradeUrl);
            try {
                domain.resume(Duration.ofMinutes(5), "payara-upgrade.log");
                carriesOn(upgradeUrl);
            } finally {
                domain.stopDomain();
                upgrade.replaceAll((k, v) -> k.equals("mm7.schema.clean") ? v : null);
                domain.configure(upgrade, domainUrl);
                domain.resume(Duration.ofMinutes(5), "payara-after-upgrade.log");
            }
        }
    }

    private static void carriesOn(String upgradeUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(upgradeUrl, "postgres", "postgres")) {
            List<String> history = column(db,
                    "SELECT version || ':' || type FROM flyway_schema_history WHERE success ORDER BY installed_rank");
            assertEquals("1:BASELINE", history.get(0), "taken as the baseline: " + history);
            assertTrue(history.size() >= 2, "then migrated: " + history);
            for (int i = 1; i < history.size(); i++) {
                assertEquals((i + 1) + ":SQL", history.get(i), "every later version, in order: " + history);
            }

            JsonObject pending = Gateway.awaitCounts("upgrade-pending",
                    c -> Gateway.inState(c, "DELIVERED") == 2, Duration.ofSeconds(90));
            assertEquals(2, Gateway.inState(pending, "DELIVERED"), "accepted before the upgrade, delivered after: " + pending);

            JsonObject old = Gateway.counts("upgrade-delivered");
            for (String state : List.of("DELIVERED", "RETRIEVED", "READ", "REJECTED", "EXPIRED", "CANCELLED")) {
                assertEquals(1, Gateway.inState(old, state), state + " kept: " + old);
            }

            // the unnumbered submit event and the two deliveries: 4, 5, 6 after 1 to 3
            List<Long> numbers = awaitNumbers(db, 6);
            assertEquals(LongStream.rangeClosed(1, numbers.size()).boxed().toList(), numbers, "gap-free numbers");
            assertEquals(List.of("4"), column(db, "SELECT seq FROM mm7_charging_event WHERE id = 4"),
                    "the event written before the upgrade numbered first");
            assertEquals(List.of(String.valueOf(numbers.size())),
                    column(db, "SELECT last_seq FROM mm7_charging_writer WHERE writer = '" + NODE + "'"));
        }
    }

    /** A new database beside the suite's one, holding the fixture. @return its JDBC URL */
    private static String createFromFixture(String suiteUrl) throws Exception {
        int slash = suiteUrl.lastIndexOf('/');
        String name = suiteUrl.substring(slash + 1).replaceFirst("\\?.*", "") + "_upgrade";
        try (Connection admin = DriverManager.getConnection(suiteUrl.substring(0, slash + 1) + "postgres", "postgres", "postgres");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        String url = suiteUrl.substring(0, slash + 1) + name;
        String sql;
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/release-before-migrations.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = db.createStatement()) {
            s.execute(sql);
        }
        return url;
    }

    private static List<Long> awaitNumbers(Connection db, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> unnumbered = column(db, "SELECT id FROM mm7_charging_event WHERE seq IS NULL");
            List<Long> numbers = column(db, "SELECT seq FROM mm7_charging_event WHERE writer = '" + NODE + "' ORDER BY seq")
                    .stream().map(Long::valueOf).toList();
            if ((unnumbered.isEmpty() && numbers.size() >= atLeast) || System.nanoTime() > deadline) {
                assertTrue(unnumbered.isEmpty(), "every event numbered: " + unnumbered);
                assertTrue(numbers.size() >= atLeast, "numbers " + numbers);
                return numbers;
            }
            Thread.sleep(500);
        }
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
