package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A VASP that did not get its answer (a timeout, a dropped connection) sends the same request again: the
 * gateway answers it with the first answer and creates no second message, whether the copies come one after
 * the other or at the same moment. Another request under a TransactionID already answered is refused.
 */
class DuplicateSubmitIT {
    private static Gateway.Vasp vasp;

    @BeforeAll
    static void registerVasp() {
        vasp = Gateway.newVasp();
    }

    private static String submit(String tx, String number) {
        return Envelopes.submit(tx, vasp, "<To><Number>" + number + "</Number></To>");
    }

    private static long submitEvents(String messageId) {
        JsonArray events = Gateway.chargingEvents(messageId);
        return events.stream().filter(e -> e.asJsonObject().getString("recordType").equals("MM7_SUBMIT")).count();
    }

    @Test
    void aRetryGetsTheFirstAnswerAndNoSecondMessage() {
        String tx = Gateway.unique("retry");
        String first = Gateway.accepted(Gateway.postSoap(vasp, submit(tx, "447700900621")));
        String second = Gateway.accepted(Gateway.postSoap(vasp, submit(tx, "447700900621")));
        assertEquals(first, second);
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        assertEquals(1, submitEvents(first), "charged once");
    }

    @Test
    void aRetryWithOtherMimeBoundariesIsTheSameRequest() {
        String tx = Gateway.unique("mime");
        String envelope = submit(tx, "447700900622").replace("</SubmitReq>", "<Content href=\"cid:text\"/></SubmitReq>");
        List<String> ids = new ArrayList<>();
        for (String boundary : List.of("first-attempt-boundary", "second-attempt-boundary")) {
            byte[] body = new Mime(boundary).part(envelope, "Content-Type: text/xml; charset=utf-8", "Content-ID: <soap>")
                    .part("hello again", "Content-Type: text/plain", "Content-ID: <text>").end();
            ids.add(Gateway.accepted(Gateway.post(vasp, "multipart/related; type=\"text/xml\"; boundary=\"" + boundary
                    + "\"; start=\"<soap>\"", body, "\"\"")));
        }
        assertEquals(ids.get(0), ids.get(1));
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
    }

    @Test
    void anotherRequestUnderAnAnsweredTransactionIdIsAValidationError() {
        String tx = Gateway.unique("reuse");
        String first = Gateway.accepted(Gateway.postSoap(vasp, submit(tx, "447700900623")));
        HttpResponse<String> r = Gateway.postSoap(vasp, submit(tx, "447700900624"));
        Document d = SubmitRefusalIT.assertRsError(r, "4004", "Client");
        assertTrue(mm7(d, "Details").contains(first), mm7(d, "Details"));
        assertTrue(mm7(d, "Details").contains("new TransactionID"), mm7(d, "Details"));
        assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
        assertEquals(1, submitEvents(first));
    }

    @Test
    void anotherVaspMayUseTheSameTransactionId() {
        Gateway.Vasp other = Gateway.newVasp();
        String tx = Gateway.unique("shared");
        String mine = Gateway.accepted(Gateway.postSoap(vasp, submit(tx, "447700900625")));
        String theirs = Gateway.accepted(Gateway.postSoap(other, Envelopes.submit(tx, other, "<To><Number>447700900625</Number></To>")));
        assertFalse(mine.equals(theirs));
    }

    @Test
    void concurrentCopiesOfOneRequestMakeOneMessage() throws Exception {
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            for (int round = 0; round < 3; round++) {
                String tx = Gateway.unique("race");
                String envelope = submit(tx, "447700900626");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return Gateway.postSoap(vasp, envelope);
                    }));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                for (Future<HttpResponse<String>> a : answers) {
                    ids.add(Gateway.accepted(a.get(60, TimeUnit.SECONDS)));
                }
                assertEquals(1, ids.size(), "every copy got the same MessageID: " + ids);
                assertEquals(1, Gateway.messagesOfTransaction(vasp.vaspId(), tx).size());
                assertEquals(1, submitEvents(ids.iterator().next()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
