package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The two-node cluster (profile {@code cluster}: node 1, node 2 and the Undertow balancer in front, one PostgreSQL)
 * under load, with node 2 killed hard (SIGKILL) in the middle. Several VASPs submit through the balancer; one
 * more VASP, limited to {@value #LIMIT} submits per second, submits from several threads at once the whole time.
 * Afterwards: every acknowledged message is stored once, distributed, delivered once to each recipient with its
 * charging events; each node's charging sequence has no gap and no repeat; the limited VASP got no more than its
 * limit across both nodes. Requests left unanswered by the kill are sent again (submits are idempotent per
 * TransactionID), as a VASP would.
 */
class ClusterIT {
    private static final int BULK_VASPS = 3;
    private static final int SUBMITS_PER_VASP = Integer.getInteger("mm7.cluster.submits-per-vasp", 400);
    private static final int KILL_AFTER = BULK_VASPS * SUBMITS_PER_VASP / 3;
    private static final int WARM_UP_PER_VASP = Integer.getInteger("mm7.cluster.warm-up-per-vasp", 200);
    private static final int WARM_UP_SECONDS = Integer.getInteger("mm7.cluster.warm-up-seconds", 60);
    private static final int LIMIT = 2;
    private static final int LIMITED_THREADS = 6;
    private static final Duration SETTLE = Duration.ofMinutes(6);
    private static final String NODE1_HOME = System.getProperty("mm7.cluster.node1.home");
    private static final String NODE2_HOME = System.getProperty("mm7.cluster.node2.home");
    private static final String BALANCER_HOME = System.getProperty("mm7.cluster.balancer.home");

    private final Map<String, String> acknowledged = new ConcurrentHashMap<>(); // TransactionID -> MessageID
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet(); // TransactionIDs
    private final Map<String, Gateway.Vasp> vaspOf = new ConcurrentHashMap<>(); // TransactionID -> VASP
    // TransactionID -> the request's recipients: a retry sends the same request again (a different one under the same
    // TransactionID is refused with 4004)
    private final Map<String, String> recipientsOf = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicLong killedAt = new AtomicLong();
    private final AtomicLong lastFailureAt = new AtomicLong();
    private final AtomicLong lastAckAt = new AtomicLong();
    private final AtomicInteger limitedAccepted = new AtomicInteger();
    private final AtomicInteger limitedRefused = new AtomicInteger();
    private volatile Map<String, Double> cpuAtKill = Map.of();

    @Test
    void aNodeKilledUnderLoadLosesAndRepeatsNothing() throws Exception {
        List<Gateway.Vasp> bulk = new ArrayList<>();
        for (int i = 0; i < BULK_VASPS; i++) {
            bulk.add(Gateway.newVasp());
        }
        Gateway.Vasp limited = Gateway.newVasp();
        ServiceLevels.change(limited.vaspId(), b -> b.add("maxSubmissionsPerSecond", LIMIT));

        ExecutorService pool = Executors.newFixedThreadPool(12 + LIMITED_THREADS);
        // the limited VASP submits the whole time, from before the warm-up on, so that both nodes take leases of its
        // limit while both are up
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        List<Future<?>> limitedLoops = new ArrayList<>();
        for (int t = 0; t < LIMITED_THREADS; t++) {
            int thread = t;
            limitedLoops.add(pool.submit(() -> limitedLoop(limited, thread, loadRunning)));
        }
        // warm-up (not timed): both nodes, the balancer and the database sessions serve and distribute messages
        // for a minute first (rounds of WARM_UP_PER_VASP per VASP), so that the two-node phase, like the one-node
        // phase after it, is measured on warm code: the first minute or two of load runs partly interpreted while
        // the JIT compilers of three JVMs take most of a core (see the CPU lines this test prints; with a warm-up of
        // 600 submits, about 15 s, the compilers took 5-7 ms per submit in the two-node phase)
        long warmUpStart = System.nanoTime();
        List<Future<?>> warmUp = new ArrayList<>();
        for (int round = 0; warmUp.isEmpty()
                || System.nanoTime() - warmUpStart < TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS); round++) {
            List<Future<?>> thisRound = new ArrayList<>();
            for (int i = 0; i < WARM_UP_PER_VASP; i++) {
                for (Gateway.Vasp v : bulk) {
                    String tx = v.vaspId() + "-warm-" + round + "-" + i;
                    thisRound.add(pool.submit(() -> {
                        vaspOf.put(tx, v);
                        String messageId = submitOnce(v, tx);
                        assertTrue(messageId != null, "warm-up submit " + tx + " failed");
                        acknowledged.put(tx, messageId);
                    }));
                }
            }
            for (Future<?> f : thisRound) {
                f.get(10, TimeUnit.MINUTES);
            }
            warmUp.addAll(thisRound);
        }
        System.out.printf("ClusterIT: warm-up: %d submits through both nodes in %.1f s%n", warmUp.size(),
                (System.nanoTime() - warmUpStart) / 1e9);
        Map<String, Double> cpuAtStart = cpuSeconds();
        long start = System.nanoTime();
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < SUBMITS_PER_VASP; i++) {
            for (Gateway.Vasp v : bulk) {
                String tx = v.vaspId() + "-" + i;
                submits.add(pool.submit(() -> submit(v, tx, start)));
            }
        }
        for (Future<?> f : submits) {
            f.get(20, TimeUnit.MINUTES);
        }
        long loadEnd = System.nanoTime();
        Map<String, Double> cpuAtEnd = cpuSeconds();
        loadRunning.set(false);
        for (Future<?> f : limitedLoops) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(killedAt.get() > 0, "node 2 was never killed");

        // what the kill left unanswered: the VASP sends it again (same TransactionID)
        List<String> storedBeforeRetry = new ArrayList<>();
        try (Connection db = Billing.database()) {
            for (String tx : unanswered) {
                if (!messageIdsOf(db, vaspOf.get(tx), tx).isEmpty()) {
                    storedBeforeRetry.add(tx);
                }
            }
        }
        int retried = 0;
        for (String tx : Set.copyOf(unanswered)) {
            if (acknowledged.containsKey(tx)) {
                continue;
            }
            String messageId = null;
            for (int attempt = 0; attempt < 30 && messageId == null; attempt++) {
                messageId = submitOnce(vaspOf.get(tx), tx);
                if (messageId == null) {
                    pause(1000); // the limited VASP's retry may meet its limit
                }
            }
            assertTrue(messageId != null, "retry of " + tx + " was not accepted");
            acknowledged.put(tx, messageId);
            retried++;
        }

        double bulkSeconds = (loadEnd - start) / 1e9;
        double oneNodeSeconds = (lastAckAt.get() - killedAt.get()) / 1e9;
        System.out.printf("ClusterIT: one node (after the kill): %d submits acknowledged in %.1f s = %.1f submits/s%n",
                acks.get() - KILL_AFTER, oneNodeSeconds, (acks.get() - KILL_AFTER) / oneNodeSeconds);
        System.out.printf("ClusterIT: %d bulk submits acknowledged in %.1f s; %d unanswered at the kill (%d of them"
                + " stored before the retry), all retried; limited VASP: %d accepted, %d refused%n",
                BULK_VASPS * SUBMITS_PER_VASP, bulkSeconds, unanswered.size(), storedBeforeRetry.size(),
                limitedAccepted.get(), limitedRefused.get());
        printCpu("two nodes", cpuAtStart, cpuAtKill, KILL_AFTER);
        printCpu("one node", cpuAtKill, cpuAtEnd, acks.get() - KILL_AFTER);
        System.out.printf("ClusterIT: last failed request %d ms after the kill%n",
                lastFailureAt.get() == 0 ? -1 : (lastFailureAt.get() - killedAt.get()) / 1_000_000);

        long settleStart = System.nanoTime();
        try (Connection db = Billing.database()) {
            awaitDelivered(db, List.copyOf(acknowledged.values()));
            double afterKill = (System.nanoTime() - killedAt.get()) / 1e9;
            System.out.printf("ClusterIT: every acknowledged message delivered %.1f s after the load, %.1f s after the kill%n",
                    (System.nanoTime() - settleStart) / 1e9, afterKill);
            // what node 2 accepted and had not handed to distribution is taken over once its heartbeat is 30 s old
            assertTrue(afterKill < 110, "the messages node 2 left took " + afterKill + " s after the kill to deliver");
            assertStoredOnce(db, bulk, limited);
            assertExactlyOnce(db, List.copyOf(acknowledged.values()));
            assertGapFreeSequences(db);
            assertRateLimitHeld(db, limited);
        }
    }

    // ---- load --------------------------------------------------------------------------------------------------

    private void submit(Gateway.Vasp vasp, String tx, long start) {
        vaspOf.put(tx, vasp);
        String messageId = submitOnce(vasp, tx);
        if (messageId == null) {
            unanswered.add(tx);
            return;
        }
        acknowledged.put(tx, messageId);
        int n = acks.incrementAndGet();
        lastAckAt.set(System.nanoTime());
        if (n == KILL_AFTER) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ClusterIT: two nodes: %d submits acknowledged in %.1f s = %.1f submits/s%n", n, seconds,
                    n / seconds);
            killNode2();
        }
    }

    /** The MessageID of an accepted submit, or null when the request got no MM7 answer (the kill). */
    private String submitOnce(Gateway.Vasp vasp, String tx) {
        String recipients = recipientsOf.computeIfAbsent(tx, t -> "<To><Number>447700900"
                + String.format("%03d", Math.abs(t.hashCode()) % 1000) + "</Number><RFC2822Address>" + t.toLowerCase()
                + "@example.net</RFC2822Address></To>");
        HttpResponse<String> r;
        try {
            r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, recipients));
        } catch (AssertionError e) { // the connection broke
            failed();
            return null;
        }
        if (refusedByRateLimit(r)) {
            return null; // the limited VASP's own retry, refused for this second
        }
        if (r.statusCode() != 200) {
            failed();
            return null;
        }
        Document d = Gateway.xml(r.body());
        assertEquals("1000", Gateway.mm7(d, "StatusCode"), r.body());
        return Gateway.mm7(d, "MessageID");
    }

    private static boolean refusedByRateLimit(HttpResponse<String> r) {
        if (r.statusCode() != 500 || !r.body().contains("Envelope")) {
            return false;
        }
        try {
            return "4006".equals(Gateway.mm7(Gateway.xml(r.body()), "StatusCode"));
        } catch (RuntimeException | AssertionError e) {
            return false;
        }
    }

    private void failed() {
        if (killedAt.get() == 0) {
            fail("a request failed before any node was killed");
        }
        lastFailureAt.set(System.nanoTime());
    }

    private void limitedLoop(Gateway.Vasp vasp, int thread, AtomicBoolean running) {
        for (int i = 0; running.get(); i++) {
            String tx = vasp.vaspId() + "-t" + thread + "-" + i;
            vaspOf.put(tx, vasp);
            String recipients = "<To><Number>447700900123</Number></To>";
            recipientsOf.put(tx, recipients);
            HttpResponse<String> r;
            try {
                r = Gateway.postSoap(vasp, Envelopes.submit(tx, vasp, recipients));
            } catch (AssertionError e) {
                unanswered.add(tx);
                failed();
                continue;
            }
            if (r.statusCode() == 200) {
                Document d = Gateway.xml(r.body());
                assertEquals("1000", Gateway.mm7(d, "StatusCode"), r.body());
                acknowledged.put(tx, Gateway.mm7(d, "MessageID"));
                limitedAccepted.incrementAndGet();
            } else if (refusedByRateLimit(r)) {
                limitedRefused.incrementAndGet();
                pause(250);
            } else {
                unanswered.add(tx);
                failed();
            }
        }
    }

    private void killNode2() {
        List<ProcessHandle> node2 = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(NODE2_HOME) && c.contains("jboss-modules.jar"))
                        .orElse(false))
                .toList();
        assertEquals(1, node2.size(), "node 2's JVM (command line naming " + NODE2_HOME + ")");
        cpuAtKill = cpuSeconds();
        killedAt.set(System.nanoTime());
        node2.get(0).destroyForcibly();
        System.out.printf("ClusterIT: node 2 (pid %d) killed at %s%n", node2.get(0).pid(), Instant.now());
    }

    // ---- where the CPU goes (what bounds the two-node figure on a machine whose cores the nodes share) ----------

    /**
     * CPU seconds used so far by node 1, node 2 and the balancer (with their JIT compiler and collector threads
     * apart), and by each PostgreSQL session of the test database (from /proc; empty where there is none, e.g. not on
     * Linux). Other processes of the machine are not counted; a session that ended between two readings is not
     * counted either (the killed node's).
     */
    private static Map<String, Double> cpuSeconds() {
        String url = System.getProperty("mm7.it.pg-url", "");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        Map<String, Double> cpu = new TreeMap<>();
        java.io.File[] processes = new java.io.File("/proc").listFiles(f -> f.getName().matches("\\d+"));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                String command = new String(java.nio.file.Files.readAllBytes(process.toPath().resolve("cmdline")),
                        java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
                String who = command.contains("jboss-modules.jar") ? command.contains(NODE1_HOME + "/") ? "node 1"
                        : command.contains(NODE2_HOME + "/") ? "node 2"
                        : command.contains(BALANCER_HOME + "/") ? "balancer" : null
                        : command.startsWith("postgres: ") && command.contains(" " + database + " ") ? "PostgreSQL" : null;
                if (who == null) {
                    continue;
                }
                if (who.equals("PostgreSQL")) { // per session: the killed node's sessions end, and their CPU with them
                    cpu.put("PostgreSQL#" + process.getName(), cpuSecondsOf(process.toPath()));
                    continue;
                }
                cpu.merge(who, cpuSecondsOf(process.toPath()), Double::sum);
                // the JVM's compiler and collector threads apart
                try (var threads = java.nio.file.Files.list(process.toPath().resolve("task"))) {
                    for (java.nio.file.Path thread : threads.toList()) {
                        String name = java.nio.file.Files.readString(thread.resolve("comm")).trim();
                        String kind = name.contains("Compiler") ? " JIT"
                                : name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread") ? " GC"
                                : null;
                        if (kind != null) {
                            cpu.merge(who + kind, cpuSecondsOf(thread), Double::sum);
                        }
                    }
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended meanwhile, or is not readable
            }
        }
        return cpu;
    }

    /** utime + stime of a process or thread directory of /proc, in seconds (USER_HZ is 100 on Linux). */
    private static double cpuSecondsOf(java.nio.file.Path proc) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static void printCpu(String phase, Map<String, Double> before, Map<String, Double> after, int submits) {
        StringBuilder line = new StringBuilder("ClusterIT: CPU ms per acknowledged submit, " + phase + ":");
        double total = 0;
        double database = 0; // the sessions open at the end, from their CPU at the start (0 for a new one)
        for (Map.Entry<String, Double> session : after.entrySet()) {
            if (session.getKey().startsWith("PostgreSQL#")) {
                database += session.getValue() - before.getOrDefault(session.getKey(), 0.0);
            }
        }
        before = new TreeMap<>(before);
        after = new TreeMap<>(after);
        before.put("PostgreSQL", 0.0);
        after.put("PostgreSQL", database);
        for (String who : List.of("node 1", "node 2", "balancer", "PostgreSQL")) {
            if (after.containsKey(who) && before.containsKey(who)) {
                double ms = (after.get(who) - before.get(who)) * 1000 / Math.max(1, submits);
                total += ms;
                line.append(String.format(" %s %.2f", who, ms));
                if (after.containsKey(who + " JIT") && before.containsKey(who + " JIT")) {
                    line.append(String.format(" (JIT compilers %.2f, GC %.2f)",
                            (after.get(who + " JIT") - before.get(who + " JIT")) * 1000 / Math.max(1, submits),
                            (after.getOrDefault(who + " GC", 0.0) - before.getOrDefault(who + " GC", 0.0)) * 1000
                                    / Math.max(1, submits)));
                }
                line.append(',');
            }
        }
        System.out.println(line.append(String.format(" together %.2f (%d submits)", total, submits)));
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    private static List<String> messageIdsOf(Connection db, Gateway.Vasp vasp, String tx) throws SQLException {
        return Billing.column(db, "select m.message_id from mm7_message m join mm7_vasp v on v.id = m.vasp"
                + " where v.vasp_id = ? and m.transaction_id = ?", vasp.vaspId(), tx);
    }

    /** Waits until every message is DISTRIBUTED; fails after SETTLE naming what is left. */
    private static void awaitDelivered(Connection db, List<String> messageIds) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Array ids = db.createArrayOf("varchar", messageIds.toArray());
        while (true) {
            Map<String, Integer> notDone = new TreeMap<>();
            try (PreparedStatement q = db.prepareStatement("select state, count(*) from mm7_message"
                    + " where message_id = any(?) and state <> 'DISTRIBUTED' group by state")) {
                q.setArray(1, ids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        notDone.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            if (notDone.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("not distributed " + SETTLE + " after the load: " + notDone);
            }
            pause(2000);
        }
    }

    /** One stored message per TransactionID of each test VASP. */
    private static void assertStoredOnce(Connection db, List<Gateway.Vasp> bulk, Gateway.Vasp limited) throws SQLException {
        List<String> vasps = new ArrayList<>();
        bulk.forEach(v -> vasps.add(v.vaspId()));
        vasps.add(limited.vaspId());
        try (PreparedStatement q = db.prepareStatement("select m.transaction_id, count(*) from mm7_message m"
                + " join mm7_vasp v on v.id = m.vasp where v.vasp_id = any(?) group by m.transaction_id having count(*) > 1")) {
            q.setArray(1, db.createArrayOf("varchar", vasps.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                assertFalse(rs.next(), () -> "a TransactionID stored twice");
            }
        }
    }

    /** Each recipient delivered once (one DELIVERED history entry), one MM7_SUBMIT and one RECIPIENT_DELIVERY per recipient. */
    private static void assertExactlyOnce(Connection db, List<String> messageIds) throws SQLException {
        Array ids = db.createArrayOf("varchar", messageIds.toArray());
        Map<String, int[]> recipients = new HashMap<>(); // MessageID -> recipients, delivered, delivered entries
        try (PreparedStatement q = db.prepareStatement("select m.message_id, count(distinct r.id),"
                + " count(distinct r.id) filter (where r.state = 'DELIVERED'),"
                + " count(a.id) filter (where a.outcome = 'DELIVERED')"
                + " from mm7_message m join mm7_recipient r on r.message = m.id"
                + " left join mm7_delivery_attempt a on a.recipient = r.id"
                + " where m.message_id = any(?) group by m.message_id")) {
            q.setArray(1, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    recipients.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)});
                }
            }
        }
        Map<String, int[]> events = new HashMap<>(); // MessageID -> MM7_SUBMIT, RECIPIENT_DELIVERY
        try (PreparedStatement q = db.prepareStatement("select message_id,"
                + " count(*) filter (where record_type = 'MM7_SUBMIT'),"
                + " count(*) filter (where record_type = 'RECIPIENT_DELIVERY')"
                + " from mm7_charging_event where message_id = any(?) group by message_id")) {
            q.setArray(1, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String id : messageIds) {
            int[] r = recipients.getOrDefault(id, new int[3]);
            int[] e = events.getOrDefault(id, new int[2]);
            int expected = r[0];
            if (expected == 0 || r[1] != expected || r[2] != expected || e[0] != 1 || e[1] != expected) {
                wrong.add(id + ": recipients " + r[0] + ", delivered " + r[1] + ", DELIVERED entries " + r[2]
                        + ", MM7_SUBMIT " + e[0] + ", RECIPIENT_DELIVERY " + e[1]);
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " messages not delivered exactly once: "
                + wrong.subList(0, Math.min(10, wrong.size())));
        System.out.printf("ClusterIT: %d acknowledged messages, each delivered exactly once with its charging events%n",
                messageIds.size());
    }

    /**
     * Each writer (a node's sequencer: {@code node1}, {@code node2}; {@code node1#2}, ... only in a database written by
     * an earlier version) numbers its charging events 1, 2, 3, ... without gap or repeat; both nodes wrote. The
     * events node 2 committed and could not number before it was killed are numbered by node 1.
     */
    private static void assertGapFreeSequences(Connection db) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        long unnumbered;
        while ((unnumbered = single(db, "select count(*) from mm7_charging_event where seq is null")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, unnumbered, "committed charging events left without a number");
        Map<String, long[]> writers = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("select writer, count(*), count(distinct seq), min(seq), max(seq)"
                + " from mm7_charging_event group by writer");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                writers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        assertEquals(Set.of("node1", "node2"), nodesOf(writers.keySet()), "charging events numbered by both nodes");
        writers.forEach((writer, s) -> {
            assertEquals(s[0], s[1], writer + ": a sequence number used twice");
            assertEquals(1, s[2], writer + ": first sequence number");
            assertEquals(s[0], s[3], writer + ": a gap in the sequence");
            System.out.printf("ClusterIT: charging sequence of %s: 1..%d, no gap, no repeat%n", writer, s[3]);
        });
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** the node a charging writer belongs to: "node1#3" (a lane of an earlier version) -> "node1" */
    private static String nodeOf(String writer) {
        int lane = writer.indexOf('#');
        return lane < 0 ? writer : writer.substring(0, lane);
    }

    private static Set<String> nodesOf(Set<String> writers) {
        return writers.stream().map(ClusterIT::nodeOf).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The limited VASP's accepted submits, from both nodes together, kept to LIMIT per second. */
    private void assertRateLimitHeld(Connection db, Gateway.Vasp limited) throws SQLException {
        Map<Long, Integer> perSecond = new TreeMap<>();
        Set<String> writers = new java.util.TreeSet<>();
        try (PreparedStatement q = db.prepareStatement("select occurred_at, writer from mm7_charging_event"
                + " where vasp_id = ? and record_type = 'MM7_SUBMIT'")) {
            q.setString(1, limited.vaspId());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    perSecond.merge(rs.getTimestamp(1).toInstant().getEpochSecond(), 1, Integer::sum);
                    writers.add(nodeOf(rs.getString(2)));
                }
            }
        }
        int total = perSecond.values().stream().mapToInt(Integer::intValue).sum();
        long first = perSecond.keySet().stream().min(Long::compare).orElseThrow();
        long last = perSecond.keySet().stream().max(Long::compare).orElseThrow();
        int busiest = perSecond.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        System.out.printf("ClusterIT: limited VASP (%d/s, %d threads through both nodes): %d accepted in %d s"
                + " (%.2f/s), at most %d in one second, %d refused with 4006, admitted by %s%n", LIMIT, LIMITED_THREADS,
                total, last - first + 1, total / (double) (last - first + 1), busiest, limitedRefused.get(), writers);
        // the event's time is taken a moment after the admission, so the first admitted second's submits may all be
        // stamped in the next one (the run then looks a second shorter), and one second may show a neighbour's submit
        assertTrue(total <= LIMIT * (last - first + 2), "more than " + LIMIT + "/s over the whole run: " + total
                + " in " + (last - first + 1) + " s");
        assertTrue(busiest <= 2 * LIMIT, "a second with " + busiest + " accepted submits");
        assertTrue(limitedRefused.get() > 0, "the limit never refused anything");
        assertEquals(Set.of("node1", "node2"), writers, "both nodes admitted the limited VASP");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
