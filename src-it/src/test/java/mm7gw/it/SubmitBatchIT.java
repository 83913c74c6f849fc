package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Submits that arrive together are accepted together, in one transaction: a submit of such a batch that is refused,
 * or that repeats an answered TransactionID, gets exactly the answer it would get alone, and neither it nor the
 * others lose or gain anything by it. Every accepted one is stored and charged once, every refused one stores
 * nothing and is charged once as refused.
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

    private static HttpResponse<String> post(CountDownLatch go, Gateway.Vasp vasp, String envelope)
            throws InterruptedException {
        go.await();
        return Gateway.postSoap(vasp, envelope);
    }
}
