package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kills the WildFly process (SIGKILL) while several VASPs submit, restarts it with the same command line (the
 * schema kept, not recreated); on Payara kills the domain's process and the standalone broker's (SIGKILL both)
 * and starts both again as configured ({@code payara.sh resume}). Then it checks that nothing acknowledged was lost or done twice: every acknowledged
 * MessageID reaches every recipient exactly once, with one MM7_SUBMIT and one RECIPIENT_DELIVERY charging event
 * per recipient; a request that got no answer either left nothing or a complete message, and its retry gets that
 * message's answer.
 */
class CrashIT {
    private static final int THREADS = 4;
    private static final int SUBMITS_PER_THREAD = 300;
    private static final int KILL_AFTER_ACKNOWLEDGED = 400;
    private static final String[] RECIPIENTS = {"447700900631", "447700900632"};

    private record Request(Gateway.Vasp vasp, String tx, String envelope) {
    }

    private final Map<Request, String> acknowledged = new ConcurrentHashMap<>();
    private final List<Request> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acks = new AtomicInteger();
    private volatile boolean down;

    @Test
    void aHardKillUnderLoadLosesAndDuplicatesNothing() throws Exception {
        List<Gateway.Vasp> vasps = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            vasps.add(Gateway.newVasp());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (Gateway.Vasp v : vasps) {
            workers.add(pool.submit(() -> submitAll(v)));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (acks.get() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ServerProcess server = Gateway.ON_WILDFLY ? ServerProcess.find() : null;
        PayaraDomain domain = Gateway.ON_WILDFLY ? null : PayaraDomain.get();
        JsonObject writerAtKill = (JsonObject) Gateway.adminJson("/api/charging/cdr-writer");
        int ackedAtKill = acks.get();
        down = true; // no new requests from here: the ones in flight are the ones the kill cuts off
        long restartMillis;
        if (server != null) {
            server.kill();
            System.out.printf("MM7 crash: killed WildFly (pid %d) after %d acknowledged submits; CDR file writer just before: %s%n",
                    server.pid(), ackedAtKill, writerAtKill);
            restartMillis = server.restartKeepingData(Duration.ofMinutes(3), "server-after-crash.log");
        } else {
            // Payara: the domain and its standalone broker both killed, as a power cut of the host would; both started
            // again as they were configured, the schema kept
            long pid = domain.killDomainAndBroker();
            System.out.printf("MM7 crash: killed the Payara domain (pid %d) and the broker after %d acknowledged submits;"
                    + " CDR file writer just before: %s%n", pid, ackedAtKill, writerAtKill);
            domain.configure(Map.of("mm7.schema.clean", "false"), null);
            restartMillis = domain.resume(Duration.ofMinutes(5), "payara-after-crash.log");
        }
        System.out.printf("MM7 crash: %s back and serving %d ms after the restart began%n",
                server != null ? "WildFly" : "Payara", restartMillis);
        down = false;
        for (Future<?> w : workers) {
            w.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        // a VASP retries what got no answer: the same request again gets the stored answer or is accepted now
        int answeredBeforeTheCrash = 0;
        for (Request r : unanswered) {
            var stored = Gateway.messagesOfTransaction(r.vasp().vaspId(), r.tx());
            String messageId = Gateway.accepted(Gateway.postSoap(r.vasp(), r.envelope()));
            if (!stored.isEmpty()) {
                answeredBeforeTheCrash++;
                assertEquals(stored.getJsonObject(0).getString("messageId"), messageId, "the retry got the first answer");
            }
            acknowledged.put(r, messageId);
        }
        System.out.printf("MM7 crash: %d submits acknowledged, %d unanswered (%d of them stored before the crash)%n",
                acknowledged.size() - unanswered.size(), unanswered.size(), answeredBeforeTheCrash);
        assertEquals(THREADS * SUBMITS_PER_THREAD, acknowledged.size());

        long start = System.nanoTime();
        for (Map.Entry<Request, String> e : acknowledged.entrySet()) {
            Request r = e.getKey();
            assertEquals(1, Gateway.messagesOfTransaction(r.vasp().vaspId(), r.tx()).size(), "one message for " + r.tx());
            JsonObject c = Gateway.awaitCounts(e.getValue(),
                    x -> x.getString("state").equals("DISTRIBUTED") && Gateway.inState(x, "DELIVERED") == RECIPIENTS.length,
                    Duration.ofMinutes(4));
            assertEquals(RECIPIENTS.length, c.getInt("accepted"), c.toString());
            assertEquals(RECIPIENTS.length, c.getJsonNumber("created").longValue(), "one record per recipient: " + c);
            assertEquals(RECIPIENTS.length, c.getJsonObject("history").getJsonNumber("DELIVERED").longValue(), c.toString());
            JsonObject events = c.getJsonObject("chargingEvents");
            assertEquals(1, events.getJsonNumber("MM7_SUBMIT").longValue(), "one submit event: " + c);
            assertEquals(RECIPIENTS.length, events.getJsonNumber("RECIPIENT_DELIVERY").longValue(), c.toString());
        }
        System.out.printf("MM7 crash: all %d messages checked complete in %d ms%n", acknowledged.size(),
                (System.nanoTime() - start) / 1_000_000);
        closedCdrFilesHoldEveryCommittedEventOnce();
    }

    /**
     * The CDR files written before, during and after the kill: every committed charging event is in exactly one
     * record of the closed files (the file the kill cut off was thrown away and its records written again).
     */
    private static void closedCdrFilesHoldEveryCommittedEventOnce() throws Exception {
        java.util.Set<Long> committed = new java.util.HashSet<>();
        Billing.events(null, java.time.Instant.EPOCH).forEach(e -> committed.add(e.getJsonNumber("eventId").longValue()));
        BillingFiles.closeOpenFile();
        List<BillingFiles.Cdr> records = BillingFiles.allRecords();
        Map<Long, Integer> times = new java.util.HashMap<>();
        for (BillingFiles.Cdr r : records) {
            times.merge((Long) r.extensions(CdrFileIT.extensionsTag(r)).get(CdrFileIT.EVENT_ID), 1, Integer::sum);
        }
        times.forEach((id, n) -> assertEquals(1, n, "event " + id + " is in the CDR files " + n + " times"));
        for (long id : committed) {
            assertTrue(times.containsKey(id), "committed event " + id + " is in no closed CDR file");
        }
        java.util.Set<Long> storedNow = new java.util.HashSet<>();
        Billing.events(null, java.time.Instant.EPOCH).forEach(e -> storedNow.add(e.getJsonNumber("eventId").longValue()));
        assertTrue(storedNow.containsAll(times.keySet()), "every record is of a stored event");
        CdrFileIT.assertNumbersWithoutGaps(records);
        System.out.printf("MM7 crash: %d closed CDR files hold each of the %d committed charging events once%n",
                BillingFiles.list().size(), committed.size());
    }

    private void submitAll(Gateway.Vasp vasp) {
        String to = "<To><Number>" + String.join("</Number><Number>", RECIPIENTS) + "</Number></To>";
        for (int i = 0; i < SUBMITS_PER_THREAD; i++) {
            while (down) {
                sleep(50);
            }
            String tx = Gateway.unique("crash");
            Request r = new Request(vasp, tx, Envelopes.submit(tx, vasp, to));
            try {
                HttpResponse<String> answer = Gateway.postSoap(vasp, r.envelope());
                if (answer.statusCode() == 200) {
                    acknowledged.put(r, Gateway.accepted(answer));
                    acks.incrementAndGet();
                } else {
                    unanswered.add(r);
                }
            } catch (AssertionError connectionLost) {
                unanswered.add(r);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
