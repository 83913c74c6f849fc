package mm7gw.it;

import static mm7gw.it.Gateway.mm7;
import static mm7gw.it.Gateway.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VASP account may have at most {@code mm7.vasp.max-concurrent-requests} MM7 requests in flight on a node: one more
 * is refused at once with HTTP 503 and {@code Retry-After}, while other VASPs go on, and the requests in flight are
 * answered as usual. The test holds requests in flight by sending their bodies slowly, with the cap set to 2 on the
 * running server and removed afterwards (the default, 16).
 */
class VaspConcurrencyIT {
    private static final String CAP = "mm7.vasp.max-concurrent-requests";

    /** A submit whose headers and first half of the body are sent; the rest waits for {@link #finish}. */
    private static final class SlowRequest implements AutoCloseable {
        private final Socket socket;
        private final byte[] rest;

        SlowRequest(Gateway.Vasp as, String envelope) throws IOException {
            URI uri = Gateway.MM7;
            byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setSoTimeout(60_000);
            String headers = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + Gateway.basic(as.login(), as.password())
                    + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"\"\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            rest = java.util.Arrays.copyOfRange(body, body.length / 2, body.length);
        }

        /** Sends the rest of the body. @return the whole answer (status line, headers, body) */
        String finish() throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(rest);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }

        /** What the server sent already (it should have sent nothing while the body is incomplete). */
        String early() throws IOException {
            InputStream in = socket.getInputStream();
            int n = in.available();
            return n == 0 ? "nothing answered yet" : new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String submit(Gateway.Vasp vasp, String number) {
        return Envelopes.submit(Gateway.unique("tx"), vasp, "<To><Number>" + number + "</Number></To>");
    }

    @Test
    void aVaspOverItsCapIsRefusedAtOnceWithRetryAfterAndOthersGoOn() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        Gateway.Vasp other = Gateway.newVasp();
        // both accounts' passwords verified once, so that no request below waits for a bcrypt
        assertEquals("1000", mm7(xml(Gateway.postSoap(vasp, submit(vasp, "447700900651")).body()), "StatusCode"));
        assertEquals("1000", mm7(xml(Gateway.postSoap(other, submit(other, "447700900652")).body()), "StatusCode"));
        TestServer.set(CAP, "2");
        List<SlowRequest> slow = new ArrayList<>();
        try {
            // both slow requests must be in the binding (waiting for the rest of their bodies) before the third
            // comes: the server may take requests in another order than they were sent, so each gets a moment, and
            // the set-up starts again if one of them was the one refused
            HttpResponse<String> refused = null;
            for (int attempt = 1; attempt <= 5; attempt++) {
                slow.add(new SlowRequest(vasp, submit(vasp, "447700900653")));
                Thread.sleep(1_000);
                slow.add(new SlowRequest(vasp, submit(vasp, "447700900654")));
                Thread.sleep(1_500);
                long start = System.nanoTime();
                refused = Gateway.postSoap(vasp, submit(vasp, "447700900655"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                boolean bothWaiting = true;
                for (SlowRequest r : slow) {
                    bothWaiting &= r.early().equals("nothing answered yet");
                }
                if (refused.statusCode() == 503 && bothWaiting) {
                    assertTrue(millis < 2_000, "refused at once: " + millis + " ms");
                    break;
                }
                for (SlowRequest r : slow) {
                    r.close();
                }
                slow.clear();
                refused = null;
                Thread.sleep(1_000); // the server notices the closed connections and counts them out
            }
            assertTrue(refused != null, "the third request was refused while two were in flight (5 attempts)");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null), refused.headers().map().toString());
            assertTrue(refused.body().contains(CAP), refused.body());

            // another VASP is not held back by this one's cap
            HttpResponse<String> others = Gateway.postSoap(other, submit(other, "447700900656"));
            assertEquals("1000", mm7(xml(others.body()), "StatusCode"), others.body());

            // the requests in flight are answered as usual
            for (SlowRequest r : slow) {
                String answer = r.finish();
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("1000"), answer);
            }
            HttpResponse<String> again = Gateway.postSoap(vasp, submit(vasp, "447700900657"));
            assertEquals("1000", mm7(xml(again.body()), "StatusCode"), again.body());
        } finally {
            for (SlowRequest r : slow) {
                r.close();
            }
            TestServer.unset(CAP);
        }
        HttpResponse<String> metrics = Gateway.admin("GET", "/metrics", null);
        assertTrue(metrics.body().contains("mm7_vasp_concurrency_refusals_total{account=\"" + vasp.login() + "\"}"),
                metrics.body());
    }
}
