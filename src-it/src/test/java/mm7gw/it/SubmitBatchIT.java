package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Submits that arrive together are accepted together, in one transaction: a submit of such a batch that is refused,
 * or that repeats an answered TransactionID, gets exactly the answer it would get alone, and neither it nor the
 * others lose or gain anything by it. Every accepted one is stored and charged once, every refused one stores
 * nothing and is charged once as refused. The node's metrics show that the grouping happens; a batch that fails as a
 * whole is accepted again one submit at a time, with the same answers.
 */
class SubmitBatchIT {
    /** with the four others, fewer than the 16 requests a VASP account may have in progress on a node */
    private static final int GOOD = 10;

    private static String submit(Gateway.Vasp vasp, String tx, String number) {
        return Envelopes.submit(tx, vasp, "<To><Number>" + number + "</Number></To>");
    }

    @Test
    void aBatchsRefusalsAndRetriesAreEachAnsweredAsAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(GOOD + 4);
        try {
            for (int round = 0; round < 3; round++) {
                Gateway.Vasp vasp = Gateway.newVasp(); // the events of this round are this VASP's
                Instant start = Instant.now().minusSeconds(1);
                String retriedTx = Gateway.unique("retried");
                String retried = submit(vasp, retriedTx, "447700900631");
                String firstAnswer = Gateway.accepted(Gateway.postSoap(vasp, retried));
                String reusedTx = Gateway.unique("reused");
                String reusedAnswer = Gateway.accepted(Gateway.postSoap(vasp, submit(vasp, reusedTx, "447700900632")));

                List<String> goodTx = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> good = new ArrayList<>();
                for (int i = 0; i < GOOD; i++) {
                    String tx = Gateway.unique("batch");
                    goodTx.add(tx);
                    good.add(pool.submit(() -> post(go, vasp, submit(vasp, tx, "447700900633"))));
                }
                String noRecipientTx = Gateway.unique("norecipient");
                String notMineTx = Gateway.unique("notmine");
                Future<HttpResponse<String>> retry = pool.submit(() -> post(go, vasp, retried));
                Future<HttpResponse<String>> reuse = pool.submit(() -> post(go, vasp, submit(vasp, reusedTx,
                        "447700900634")));
                Future<HttpResponse<String>> noRecipient = pool.submit(() -> post(go, vasp,
                        submit(vasp, noRecipientTx, "xyz")));
                Future<HttpResponse<String>> notMine = pool.submit(() -> post(go, vasp, Envelopes.submit(notMineTx,
                        vasp.vaspId(), "not-mine", "plain", "<To><Number>447700900635</Number></To>")));
                go.countDown();

                Set<String> ids = new HashSet<>();
                for (Future<HttpResponse<String>> r : good) {
                    ids.add(Gateway.accepted(r.get(60, TimeUnit.SECONDS)));
                }
                assertEquals(GOOD, ids.size(), "a MessageID of its own for each: " + ids);
                assertEquals(firstAnswer, Gateway.accepted(retry.get(60, TimeUnit.SECONDS)), "the retry's first answer");
                HttpResponse<String> reused = reuse.get(60, TimeUnit.SECONDS);
                assertTrue(mm7(SubmitRefusalIT.assertRsError(reused, "4004", "Client"), "Details")
                        .contains(reusedAnswer), reused.body());
                HttpResponse<String> unresolved = noRecipient.get(60, TimeUnit.SECONDS);
                assertEquals("2002", mm7(xml(unresolved.body()), "StatusCode"), unresolved.body());
                SubmitRefusalIT.assertRsError(notMine.get(60, TimeUnit.SECONDS), "4001", "Client");

                for (String tx : goodTx) {
                    assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), tx);
                }
                for (String tx : List.of(retriedTx, reusedTx)) {
                    assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), tx);
                }
                for (String tx : List.of(noRecipientTx, notMineTx)) {
                    assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), tx);
                }
                // two before the batch, ten in it; three refusals (the reuse, the unresolved, the foreign VASID)
                List<JsonObject> events = Billing.events(vasp.vaspId(), start, GOOD + 5);
                Thread.sleep(500); // and no more than those
                events = Billing.events(vasp.vaspId(), start);
                assertEquals(GOOD + 2, events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT"))
                        .count(), events.toString());
                assertEquals(GOOD + 2, events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT"))
                        .map(e -> e.getString("messageId")).distinct().count(), "charged once each");
                assertTrue(events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT"))
                        .map(e -> e.getString("messageId")).toList().containsAll(ids));
                assertEquals(List.of(2002, 4001, 4004), events.stream()
                        .filter(e -> e.getString("recordType").equals("MM7_SUBMIT_REJECTED"))
                        .map(e -> e.getInt("statusCode")).sorted().toList(), events.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** rounds of concurrent submits a test sends at most until the server happened to overlap them as it must */
    private static final int ROUNDS = 5;
    private static final String BATCHED = "mm7_submits_batched_total";
    private static final String COMMITTED = "mm7_submit_batches_total{outcome=\"committed\"}";
    private static final String ONE_BY_ONE = "mm7_submit_batches_total{outcome=\"one_by_one\"}";

    /**
     * Submits sent at the same moment are grouped: the node's metrics count batches of two or more and the submits
     * answered through them. A round whose submits the machine happened not to overlap proves nothing and is sent
     * again, a bounded number of times.
     */
    @Test
    void concurrentSubmitsAreAcceptedInBatchesAndCounted() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        ExecutorService pool = Executors.newFixedThreadPool(GOOD);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Map<String, Double> before = MonitoringIT.scrape();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < GOOD; i++) {
                    String envelope = submit(vasp, Gateway.unique("grouped"), "447700900636");
                    answers.add(pool.submit(() -> post(go, vasp, envelope)));
                }
                go.countDown();
                Set<String> ids = new HashSet<>();
                for (Future<HttpResponse<String>> a : answers) {
                    ids.add(Gateway.accepted(a.get(60, TimeUnit.SECONDS)));
                }
                assertEquals(GOOD, ids.size(), ids.toString());
                Map<String, Double> after = MonitoringIT.scrape();
                double batched = MonitoringIT.delta(before, after, BATCHED);
                double batches = MonitoringIT.delta(before, after, COMMITTED);
                System.out.printf("SubmitBatchIT: round %d: %.0f of %d submits in %.0f batches%n", round, batched,
                        GOOD, batches);
                // nothing else submits while this test runs
                assertTrue(batched <= GOOD, batched + " batched submits counted for " + GOOD + " sent");
                assertTrue(batched >= 2 * batches,
                        batched + " submits counted in " + batches + " batches of two or more");
                assertEquals(0, MonitoringIT.delta(before, after, ONE_BY_ONE), "no batch failed");
                if (batched > 0) {
                    return;
                }
            }
            fail(ROUNDS + " rounds of " + GOOD + " concurrent submits, none accepted in a batch");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A batch that fails as a whole has stored nothing and is accepted again one submit at a time, each submit
     * answered as it would be alone. The real cause on one node: a copy of a request, sent through another node,
     * takes its TransactionID while the batch is being accepted, i.e. its kept answer is committed between the
     * batch's look-up of its TransactionIDs and its commit, which then fails on the unique key of the kept answers.
     * The test plays the other node in the database: it writes such answers in transactions of its own and commits
     * them only once the node waits for them on the unique key.
     * <p>
     * A first submit, alone, waits for the first of these transactions while leading; the submits sent meanwhile
     * queue up and go together in the next batch, which reads its TransactionIDs before the second transaction
     * commits and waits for it at its commit. In that batch: a copy of a request the other node answered (it gets
     * that answer), another request under a TransactionID the other node answered (4004), and new submits (each
     * stored and charged once). None of the three TransactionIDs taken elsewhere stores a message on this node.
     * An expected race is no error: the server logs no stack trace, no ERROR and no transaction manager's warning for
     * it (checked where the test server's log is known).
     */
    @Test
    void aBatchThatFailsAsAWholeIsAcceptedOneSubmitAtATime() throws Exception {
        assumeTrue(Billing.onPostgresql(), "holds kept answers in transactions of its own on PostgreSQL");
        int fresh = GOOD - 2;
        ExecutorService pool = Executors.newFixedThreadPool(GOOD + 1);
        String logFile = System.getProperty("mm7.server.log");
        Path log = logFile == null || !Files.exists(Path.of(logFile)) ? null : Path.of(logFile);
        long logged = log == null ? 0 : Files.size(log);
        try (Connection first = Billing.database(); Connection second = Billing.database();
                Connection watch = Billing.database()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            for (int round = 1; round <= ROUNDS; round++) {
                Gateway.Vasp vasp = Gateway.newVasp(); // the events of this round are this VASP's
                Instant start = Instant.now().minusSeconds(1);
                Map<String, Double> before = MonitoringIT.scrape();
                String leadTx = Gateway.unique("lead");
                String copiedTx = Gateway.unique("copied");
                String reusedTx = Gateway.unique("reused");
                String leadId = answerElsewhere(first, vasp, leadTx, null);
                String copiedId = answerElsewhere(second, vasp, copiedTx, null); // no digest: any request is a copy
                String reusedId = answerElsewhere(second, vasp, reusedTx, "0".repeat(64)); // another request's

                Future<HttpResponse<String>> lead = pool.submit(() -> Gateway.postSoap(vasp, submit(vasp, leadTx,
                        "447700900637")));
                awaitWaitingFor(first, watch);
                CountDownLatch go = new CountDownLatch(1);
                List<String> freshTx = new ArrayList<>();
                List<Future<HttpResponse<String>>> freshAnswers = new ArrayList<>();
                for (int i = 0; i < fresh; i++) {
                    String tx = Gateway.unique("fresh");
                    freshTx.add(tx);
                    freshAnswers.add(pool.submit(() -> post(go, vasp, submit(vasp, tx, "447700900638"))));
                }
                Future<HttpResponse<String>> copied = pool.submit(() -> post(go, vasp, submit(vasp, copiedTx,
                        "447700900639")));
                Future<HttpResponse<String>> reused = pool.submit(() -> post(go, vasp, submit(vasp, reusedTx,
                        "447700900640")));
                go.countDown();
                Thread.sleep(1000L * round); // for them to queue up behind the lone submit (longer if a round missed)
                first.commit();
                awaitWaitingFor(second, watch);
                second.commit();

                assertEquals(leadId, Gateway.accepted(lead.get(60, TimeUnit.SECONDS)), "the other node's answer");
                assertEquals(copiedId, Gateway.accepted(copied.get(60, TimeUnit.SECONDS)), "the other node's answer");
                HttpResponse<String> refused = reused.get(60, TimeUnit.SECONDS);
                assertTrue(mm7(SubmitRefusalIT.assertRsError(refused, "4004", "Client"), "Details").contains(reusedId),
                        refused.body());
                Set<String> ids = new HashSet<>();
                for (Future<HttpResponse<String>> r : freshAnswers) {
                    ids.add(Gateway.accepted(r.get(60, TimeUnit.SECONDS)));
                }
                assertEquals(fresh, ids.size(), "a MessageID of its own for each: " + ids);
                for (String tx : freshTx) {
                    assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), tx);
                }
                for (String tx : List.of(leadTx, copiedTx, reusedTx)) {
                    assertEquals(0, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size(), "taken elsewhere: " + tx);
                }
                Billing.events(vasp.vaspId(), start, fresh + 1);
                Thread.sleep(500); // and no more than those
                List<JsonObject> events = Billing.events(vasp.vaspId(), start);
                assertEquals(ids, events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT"))
                        .map(e -> e.getString("messageId")).collect(Collectors.toSet()), events.toString());
                assertEquals(fresh, events.stream().filter(e -> e.getString("recordType").equals("MM7_SUBMIT"))
                        .count(), "charged once each: " + events);
                assertEquals(List.of(4004), events.stream()
                        .filter(e -> e.getString("recordType").equals("MM7_SUBMIT_REJECTED"))
                        .map(e -> e.getInt("statusCode")).toList(), events.toString());

                double fellBack = MonitoringIT.delta(before, MonitoringIT.scrape(), ONE_BY_ONE);
                System.out.printf("SubmitBatchIT: round %d: %.0f batches accepted one submit at a time%n", round,
                        fellBack);
                if (fellBack > 0) {
                    if (log != null) {
                        List<String> noise = ServerLogIT.writtenSince(log, logged).lines()
                                .filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by: ")
                                        || l.contains(" ERROR [") || l.contains("[SEVERE]") || l.contains("ARJUNA"))
                                .toList();
                        assertTrue(noise.isEmpty(), "logged for the expected race:\n" + String.join("\n", noise));
                    }
                    return;
                }
            }
            fail(ROUNDS + " rounds, and in none did the copies land in a batch of two or more");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes, in the connection's open transaction, the answer another node gave to the VASP's TransactionID, as
     * that node would (a MessageID of its own, 1000); a null digest stands for a request sent without the binding,
     * which any request with the TransactionID repeats.
     *
     * @return its MessageID
     */
    private static String answerElsewhere(Connection db, Gateway.Vasp vasp, String tx, String digest)
            throws SQLException {
        String messageId = Gateway.unique("elsewhere");
        try (PreparedStatement insert = db.prepareStatement("insert into mm7_answered_submit (id, vasp_id,"
                + " transaction_id, login, request_digest, message_id, status_code, details, answered_at)"
                + " values (nextval('mm7_answered_submit_seq'), ?, ?, ?, ?, ?, 1000, '', ?)")) {
            insert.setString(1, vasp.vaspId());
            insert.setString(2, tx);
            insert.setString(3, vasp.login());
            insert.setString(4, digest);
            insert.setString(5, messageId);
            insert.setTimestamp(6, Timestamp.from(Instant.now())); // as the server's JDBC driver binds an Instant
            insert.executeUpdate();
        }
        return messageId;
    }

    /** Waits until a connection of the server waits for the transaction open on {@code held}. */
    private static void awaitWaitingFor(Connection held, Connection watch) throws SQLException, InterruptedException {
        int pid;
        try (Statement s = held.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
            r.next();
            pid = r.getInt(1);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement waiting = watch.prepareStatement(
                "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            waiting.setInt(1, pid);
            while (true) {
                try (ResultSet r = waiting.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    fail("no connection of the server waits for the kept answers written in the test's transaction");
                }
                Thread.sleep(20);
            }
        }
    }

    private static HttpResponse<String> post(CountDownLatch go, Gateway.Vasp vasp, String envelope)
            throws InterruptedException {
        go.await();
        return Gateway.postSoap(vasp, envelope);
    }
}
