package mm7gw.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP on a bare socket, for what a well-behaved client library will not do: stream a body of tens of megabytes
 * and notice when the server answers (or hangs up) before it was all sent, or dribble a request byte by byte.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** What came back: the HTTP status (0 if none could be read), the response body, and the body bytes sent. */
    record Answer(int status, String body, long bytesSent, long bytesOffered) {
        boolean refusedEarly() {
            return bytesSent < bytesOffered;
        }
    }

    /** A body written piecewise: a head, a filler byte repeated, a tail. */
    record Body(byte[] head, byte filler, long fillerCount, byte[] tail) {
        long length() {
            return head.length + fillerCount + tail.length;
        }
    }

    /**
     * POSTs to the MM7 endpoint as the VASP. With {@code chunked} the size is not declared; otherwise the headers
     * declare the true Content-Length and the body is sent only if the server has not answered within a second
     * (a server that refuses on the declared size never reads it).
     */
    static Answer post(Gateway.Vasp as, String contentType, Body body, boolean chunked) throws IOException {
        URI uri = Gateway.MM7;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String headers = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + Gateway.basic(as.login(), as.password())
                    + "\r\nContent-Type: " + contentType + "\r\nSOAPAction: \"\"\r\nConnection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n")
                    + "\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long sent = 0;
            if (!chunked && answered(in, 1000)) {
                return read(socket, 0, body.length());
            }
            try {
                sent += write(out, body.head(), chunked);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, body.filler());
                for (long left = body.fillerCount(); left > 0; ) {
                    int n = (int) Math.min(block.length, left);
                    sent += write(out, n == block.length ? block : java.util.Arrays.copyOf(block, n), chunked);
                    left -= n;
                    if (in.available() > 0) {
                        return read(socket, sent, body.length());
                    }
                }
                sent += write(out, body.tail(), chunked);
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException hungUp) {
                // the server stopped reading and closed the connection: what it answered (if anything) is below
            }
            return read(socket, sent, body.length());
        }
    }

    /**
     * POSTs a chunked body but sends only its head and filler, neither its tail nor the last chunk, then waits up
     * to {@code millis} for the server's answer without sending more: a server that answers only once it has the
     * whole body does not answer (status 0).
     */
    static Answer postWithoutEnd(Gateway.Vasp as, String contentType, Body body, int millis) throws IOException {
        URI uri = Gateway.MM7;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + Gateway.basic(as.login(), as.password())
                    + "\r\nContent-Type: " + contentType + "\r\nSOAPAction: \"\"\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long sent = 0;
            try {
                sent += write(out, body.head(), true);
                byte[] block = new byte[64 * 1024];
                java.util.Arrays.fill(block, body.filler());
                for (long left = body.fillerCount(); left > 0; left -= block.length) {
                    sent += write(out, left >= block.length ? block : java.util.Arrays.copyOf(block, (int) left), true);
                }
                out.flush();
            } catch (IOException hungUp) {
                // the server stopped reading: its answer (if any) is below
            }
            socket.setSoTimeout(millis);
            return readAnswer(socket.getInputStream(), sent, body.length());
        }
    }

    /** One HTTP response by its Content-Length, without waiting for the connection to close (status 0: none). */
    private static Answer readAnswer(InputStream in, long sent, long offered) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                response.write(buffer, 0, n);
                String text = response.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                        .matcher(text);
                if (end >= 0 && length.find() && length.start() < end
                        && response.size() >= end + 4 + Integer.parseInt(length.group(1))) {
                    break;
                }
            }
        } catch (IOException timeoutOrReset) {
            // no (complete) answer in time: what arrived is below
        }
        String text = response.toString(StandardCharsets.UTF_8);
        int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), sent, offered);
    }

    private static int write(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes);
        }
        return bytes.length;
    }

    private static boolean answered(InputStream in, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (in.available() > 0) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Answer read(Socket socket, long sent, long offered) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            if (sent < offered) {
                // stop sending, as a client that got its answer does: the server sees the body end early
                socket.shutdownOutput();
            }
            in.transferTo(response);
        } catch (IOException reset) {
            // a reset after the answer: keep what arrived
        }
        String text = response.toString(StandardCharsets.UTF_8);
        int status = 0;
        if (text.startsWith("HTTP/1.1 ") && text.length() >= 12) {
            status = Integer.parseInt(text.substring(9, 12));
        }
        int bodyStart = text.indexOf("\r\n\r\n");
        return new Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4), sent, offered);
    }

    /**
     * Opens a connection (from {@code sockets}: plain or TLS) to {@code uri} and sends a request's header lines one
     * byte every {@code pauseMillis}, as a slowloris client does, for at most {@code maxMillis}. Returns how long the
     * server kept the connection open.
     */
    static long dribble(URI uri, javax.net.SocketFactory sockets, long pauseMillis, long maxMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = sockets.createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) pauseMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nX-Slow: " + "a".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < request.length && elapsed(start) < maxMillis; i++) {
                out.write(request[i]);
                out.flush();
                try {
                    if (in.read() == -1) {
                        return elapsed(start);
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // the server neither answered nor closed: keep dribbling
                }
            }
        } catch (IOException closed) {
            return elapsed(start);
        }
        return elapsed(start);
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
