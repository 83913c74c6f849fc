package mm7gw.ws.binding;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.RequestLimit;
import io.undertow.server.handlers.RequestLimitingHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Admission of MM7 requests on WildFly, before a request takes a worker thread: at most
 * {@code mm7.http.max-concurrent-requests} (default 32, the server's worker threads on 2 cores) are worked on at
 * once and {@code mm7.http.request-queue} (default 64) wait for a turn; every further request is refused at once
 * with HTTP 503 and {@code Retry-After},
 * instead of queueing for seconds behind the others. So under overload the gateway keeps answering at the rate it
 * can sustain, and a VASP learns immediately that it has to slow down. Undertow's own request limit, installed for
 * the MM7 web module only (a servlet extension of Undertow, so other servers ignore it).
 */
public class RequestAdmission implements ServletExtension {
    private static final Logger LOG = Logger.getLogger(RequestAdmission.class.getName());
    static final int MAX_CONCURRENT = Integer.getInteger("mm7.http.max-concurrent-requests", 32);
    static final int QUEUE = Integer.getInteger("mm7.http.request-queue", 64);
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final HttpString RETRY_AFTER = new HttpString("Retry-After");
    private static final AtomicLong REFUSED = new AtomicLong();

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        if (MAX_CONCURRENT <= 0) {
            return;
        }
        RequestLimit limit = new RequestLimit(MAX_CONCURRENT, QUEUE);
        limit.setFailureHandler(RequestAdmission::refuse);
        // the initial chain runs on the I/O thread, before the request is handed to a worker thread: so the limit
        // also counts the requests that would otherwise wait for a worker, and a refusal costs no worker
        deployment.addInitialHandlerChainWrapper(next -> new RequestLimitingHandler(limit, next));
        LOG.info(() -> "MM7 requests: at most " + MAX_CONCURRENT + " at once and " + QUEUE
                + " waiting; more are refused with HTTP 503 (Retry-After " + RETRY_AFTER_SECONDS + " s)");
    }

    private static void refuse(HttpServerExchange exchange) {
        long n = REFUSED.incrementAndGet();
        if (n == 1 || n % 10_000 == 0) {
            LOG.warning(() -> "MM7 requests refused for overload (HTTP 503): " + n + " so far");
        }
        exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(RETRY_AFTER, RETRY_AFTER_SECONDS);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send("The MM7 gateway is working at capacity; retry after "
                + RETRY_AFTER_SECONDS + " s.\n");
    }

    /** Requests refused for overload since the start (for the operator and the tests). */
    public static long refused() {
        return REFUSED.get();
    }
}
