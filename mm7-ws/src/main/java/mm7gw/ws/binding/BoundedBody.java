package mm7gw.ws.binding;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit and no further: a body declared larger is refused before one byte of it
 * is read, one that turns out larger (chunked, or a lying Content-Length) as soon as the limit is passed. The
 * gateway never holds more than the limit of one request in memory; the limit is the account's
 * ({@link RequestSizeLimit}).
 */
final class BoundedBody {
    private BoundedBody() {
    }

    /** The body is over the limit; the message says by how much, for the VASP. */
    static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message);
        }
    }

    static byte[] read(HttpServletRequest request, RequestSizeLimit limit) throws IOException, TooLarge {
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            throw tooLarge(declared + " bytes", limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[16384];
        long total = 0;
        // not closed here: closing a servlet input stream reads the rest of the body (Undertow drains it), which is
        // just what a body over the limit must not cost; the container ends the request
        InputStream in = request.getInputStream();
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit.bytes()) {
                    throw tooLarge("more than " + limit.bytes() + " bytes", limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Undertow's own max-post-size check (RequestTooBigException) fires while the body streams in
            if (e.getClass().getSimpleName().equals("RequestTooBigException")) {
                throw tooLarge("more than " + limit.bytes() + " bytes", limit);
            }
            throw e;
        }
        return out.toByteArray();
    }

    private static TooLarge tooLarge(String size, RequestSizeLimit limit) {
        return new TooLarge("the request has " + size + "; " + limit.rule());
    }
}
