package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The database goes away under the running gateway (PostgreSQL refuses new connections to the gateway's database
 * and drops the open ones): submits fail with an error and are not acknowledged; when the database is back the
 * gateway serves again without a restart, and nothing was stored for the failed requests. And the database ends the
 * backends of connections idle in the gateway's pool (a restart, an administrator, an idle timeout): each such
 * connection costs at most the one use that finds it broken, no connection is validated when taken from the pool.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageIT {

    @Test
    @Order(2)
    void submitsFailCleanlyWhileTheDatabaseIsDownAndTheGatewayRecovers() throws Exception {
        assumeTrue(Billing.onPostgresql(), "needs PostgreSQL to take the database away");
        Gateway.Vasp vasp = Gateway.newVasp();
        assertEquals("1000", submit(vasp, Gateway.unique("before")).statusCode);

        String url = System.getProperty("mm7.it.pg-url");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String otherDatabase = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        List<String> failedTx = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(otherDatabase, "postgres", "postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
                for (int i = 0; i < 3; i++) {
                    String tx = Gateway.unique("down");
                    Answer a = submit(vasp, tx);
                    System.out.printf("MM7 outage: submit with the database down -> HTTP %d, StatusCode %s%n",
                            a.http, a.statusCode);
                    assertNotEquals(200, a.http, "no acknowledgement without the database: " + a.body);
                    assertFalse(a.body.contains("\tat "), "no stack trace: " + a.body);
                    failedTx.add(tx);
                }
            } finally {
                sql.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
            }
        }

        long start = System.nanoTime();
        long deadline = start + 60_000_000_000L;
        Answer after = submit(vasp, Gateway.unique("after"));
        while (!"1000".equals(after.statusCode) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = submit(vasp, Gateway.unique("after"));
        }
        assertEquals("1000", after.statusCode, "the gateway serves again without a restart: " + after.body);
        System.out.printf("MM7 outage: serving again %d ms after the database came back%n",
                (System.nanoTime() - start) / 1_000_000);
        // no connection broken by the outage is left in the pool: a series of requests (more than the pool holds)
        // all succeed, for the VASP side and the admin side
        for (int i = 0; i < 40; i++) {
            assertEquals("1000", submit(vasp, Gateway.unique("healed")).statusCode, "submit " + i + " after the outage");
            assertEquals(200, Gateway.admin("GET", "/api/vasps", null).statusCode(), "admin call " + i + " after the outage");
        }
        for (String tx : failedTx) {
            assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), "nothing stored for " + tx);
        }
        // the node's background workers came through the outage: the charging events of the submits after it are
        // numbered (a sequencer that died in a failed commit left them unnumbered for good)
        try (Connection db = Billing.database()) {
            String unnumbered = "select count(*) from mm7_charging_event where vasp_id = ? and seq is null";
            long until = System.nanoTime() + 30_000_000_000L;
            while (!"0".equals(Billing.column(db, unnumbered, vasp.vaspId()).get(0)) && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            assertEquals("0", Billing.column(db, unnumbered, vasp.vaspId()).get(0),
                    "the charging events of the VASP's submits after the outage are numbered");
            assertNotEquals("0", Billing.column(db, "select count(*) from mm7_charging_event where vasp_id = ?",
                    vasp.vaspId()).get(0), "the submits were charged");
        }
    }

    /** First, on the pool as the server's start left it: a pool that keeps broken connections fails here. */
    @Test
    @Order(1)
    void connectionsTheDatabaseEndedWhileIdleInThePoolCostAtMostOneUseEach() throws Exception {
        assumeTrue(Billing.onPostgresql(), "needs PostgreSQL to end the gateway's backends");
        Gateway.Vasp vasp = Gateway.newVasp();
        // several connections in the pool, idle: concurrent submits open them, and they go back when answered
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                answers.add(clients.submit(() -> submit(vasp, Gateway.unique("fill"))));
            }
            for (Future<Answer> a : answers) {
                a.get();
            }
        } finally {
            clients.shutdown();
        }
        Thread.sleep(500);

        String url = System.getProperty("mm7.it.pg-url");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        String otherDatabase = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        int ended = 0;
        try (Connection admin = DriverManager.getConnection(otherDatabase, "postgres", "postgres");
                Statement sql = admin.createStatement();
                ResultSet r = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "' AND pid <> pg_backend_pid()")) {
            while (r.next()) {
                ended += r.getBoolean(1) ? 1 : 0;
            }
        }
        assertTrue(ended >= 2, "the pool held connections: " + ended);

        // one request after the other, VASP side and admin side: a pool that keeps the broken connections fails
        // again and again; each broken connection may fail the one use that finds it
        int failed = 0;
        for (int i = 0; i < 30; i++) {
            Answer a = submit(vasp, Gateway.unique("after-end"));
            if (!"1000".equals(a.statusCode)) {
                failed++;
                assertFalse(a.body.contains("\tat "), "no stack trace: " + a.body);
            }
            if (Gateway.admin("GET", "/api/vasps", null).statusCode() != 200) {
                failed++;
            }
        }
        System.out.printf("MM7 outage: %d backends ended while idle in the pool, then %d of 60 requests failed%n",
                ended, failed);
        assertTrue(failed <= ended, failed + " requests failed after " + ended + " backends were ended");
        for (int i = 0; i < 10; i++) {
            assertEquals("1000", submit(vasp, Gateway.unique("healed")).statusCode, "submit " + i + " at the end");
        }
    }

    /**
     * The database fails a distribution in flight (its connection is ended while it waits to insert the recipients):
     * the broker delivers the submissions message again, after its redelivery delay, and the message is distributed
     * exactly once. The distribution's JMS message is acknowledged only after its database transaction committed, so
     * this holds although the broker takes no part in that transaction. Done within 30 s, long before the
     * stalled-submission scan (120 s) would find the message.
     */
    @Test
    @Order(3)
    void aDistributionTheDatabaseFailsIsDeliveredAgainAndDoneOnce() throws Exception {
        assumeTrue(Billing.onPostgresql(), "needs PostgreSQL to end the distribution's backend");
        Gateway.Vasp vasp = Gateway.newVasp();
        String messageId;
        try (Connection hold = Billing.database(); Connection watch = Billing.database()) {
            hold.setAutoCommit(false);
            try (Statement sql = hold.createStatement()) {
                sql.execute("LOCK TABLE mm7_recipient IN SHARE MODE"); // reads go on, inserts wait
            }
            String holder = Billing.column(hold, "select pg_backend_pid()::text").get(0);
            try {
                Answer a = submit(vasp, Gateway.unique("failed-distribution"));
                assertEquals("1000", a.statusCode, a.body);
                messageId = mm7(xml(a.body), "MessageID");
                String blockedQuery = null;
                String blocked = null;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (blocked == null && System.nanoTime() < deadline) {
                    try (java.sql.PreparedStatement q = watch.prepareStatement("select pid, query from pg_stat_activity"
                            + " where ?::int = any(pg_blocking_pids(pid))")) {
                        q.setString(1, holder);
                        try (ResultSet r = q.executeQuery()) {
                            if (r.next()) {
                                blocked = r.getString(1);
                                blockedQuery = r.getString(2);
                            }
                        }
                    }
                    Thread.sleep(50);
                }
                assertTrue(blocked != null, "the distribution waits on the locked recipient table");
                assertTrue(blockedQuery.toLowerCase(java.util.Locale.ROOT).contains("mm7_recipient"), blockedQuery);
                assertEquals("true", Billing.column(watch, "select pg_terminate_backend(?::int)::text", blocked).get(0));
                assertEquals(0, Gateway.counts(messageId).getJsonNumber("created").longValue(),
                        "the failed distribution stored nothing");
            } finally {
                hold.rollback();
            }
        }
        JsonObject counts = Gateway.awaitCounts(messageId,
                c -> Gateway.inState(c, "DELIVERED") == 1 && c.getString("state").equals("DISTRIBUTED"),
                java.time.Duration.ofSeconds(30));
        assertEquals(1, counts.getJsonNumber("created").longValue(), "one record for the recipient");
        assertEquals(1, counts.getJsonObject("history").getJsonNumber("DELIVERED").longValue(), "one delivery entry");
        assertEquals(1, counts.getJsonObject("chargingEvents").getJsonNumber("RECIPIENT_DELIVERY").longValue());
        assertEquals(1, counts.getJsonObject("chargingEvents").getJsonNumber("MM7_SUBMIT").longValue());
    }

    private record Answer(int http, String statusCode, String body) {
    }

    private static Answer submit(Gateway.Vasp vasp, String tx) {
        HttpResponse<String> r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, "<To><Number>447700900641</Number></To>"));
        String status = "";
        try {
            status = mm7(xml(r.body()), "StatusCode");
        } catch (RuntimeException | AssertionError notSoap) {
            // e.g. an authentication failure page
        }
        return new Answer(r.statusCode(), status, r.body());
    }
}
