package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A TransactionID is remembered for a window ({@code mm7.transaction-id.window-hours}, 72 by default): within it a
 * reused TransactionID is answered as before (the same request: the first answer; another one: 4004), after it the
 * request is a new one, and the node's scan deletes the answers given before the window. The test shrinks the
 * window to about a second on the running server and then removes the setting (the default, 72 hours).
 */
class TransactionIdWindowIT {
    private static final String WINDOW = "mm7.transaction-id.window-hours";

    private static String accepted(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Document d = xml(r.body());
        assertEquals("1000", mm7(d, "StatusCode"), r.body());
        return mm7(d, "MessageID");
    }

    private static String submit(Gateway.Vasp vasp, String tx, String number) {
        return Envelopes.submit(tx, vasp, "<To><Number>" + number + "</Number></To>");
    }

    private static double forgotten() {
        HttpResponse<String> r = Gateway.admin("GET", "/metrics", null);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().filter(l -> l.startsWith("mm7_transaction_ids_forgotten_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sum();
    }

    @Test
    void aTransactionIdReusedAfterTheWindowIsANewRequestAndOldAnswersAreDeleted() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        String tx = Gateway.unique("window");
        String purged = Gateway.unique("purged");
        String first = accepted(Gateway.postSoap(vasp, submit(vasp, tx, "447700900631")));
        assertEquals(first, accepted(Gateway.postSoap(vasp, submit(vasp, tx, "447700900631"))), "within the window");
        String before = accepted(Gateway.postSoap(vasp, submit(vasp, purged, "447700900632")));
        double forgottenBefore = forgotten();
        TestServer.set(WINDOW, "0.0003"); // 1.08 s
        try {
            Thread.sleep(1_500);
            String second = accepted(Gateway.postSoap(vasp, submit(vasp, tx, "447700900631")));
            assertNotEquals(first, second, "after the window the same TransactionID is a new request");
            assertEquals(second, accepted(Gateway.postSoap(vasp, submit(vasp, tx, "447700900631"))),
                    "and its retry gets the new answer");
            Document reused = SubmitRefusalIT.assertRsError(Gateway.postSoap(vasp, submit(vasp, tx, "447700900633")),
                    "4004", "Client");
            assertTrue(mm7(reused, "Details").contains(second), mm7(reused, "Details"));
            assertEquals(2, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());

            // the scan (every 30 s) deletes what the window no longer covers
            long deadline = System.nanoTime() + 70_000_000_000L;
            while (forgotten() <= forgottenBefore && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            assertTrue(forgotten() > forgottenBefore, "the scan deleted answers given before the window");
            assertNotEquals(before, accepted(Gateway.postSoap(vasp, submit(vasp, purged, "447700900632"))));
        } finally {
            TestServer.unset(WINDOW);
        }
        // back to the default, 72 hours: remembered again
        String tx3 = Gateway.unique("window");
        String third = accepted(Gateway.postSoap(vasp, submit(vasp, tx3, "447700900634")));
        Thread.sleep(1_500);
        assertEquals(third, accepted(Gateway.postSoap(vasp, submit(vasp, tx3, "447700900634"))));
    }
}
