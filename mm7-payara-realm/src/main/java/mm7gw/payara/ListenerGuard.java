package mm7gw.payara;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.portunif.PUFilter;

/**
 * What Grizzly, Payara's HTTP server, lacks against slow and abusive clients (WildFly: Undertow's request-parse-timeout
 * and max-connections in gateway.cli): a deadline for the head of a connection's first request, and a limit on the
 * connections a listener holds open. It is the port unification filter of a listener (its protocol's
 * {@code <port-unification classname="mm7gw.payara.ListenerGuard">}, written by server-config/payara/payara.sh) with
 * {@link RequestHeadFinder} as the only protocol finder before the listener's HTTP protocol: a connection is counted
 * when it is accepted (over the limit it is closed at once) and closed unless the finder saw its first request head
 * complete within the deadline, whether the client sends nothing, dribbles its head or stalls in the TLS handshake.
 * Settings (system properties, README "Configuration"): mm7.http.request-parse-timeout (ms, 10000) and
 * mm7.http.max-connections (per listener, 1000).
 */
public class ListenerGuard extends PUFilter {
    /** the first request's head of a connection: complete or not */
    static final Attribute<Head> HEAD = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(ListenerGuard.class.getName() + ".head");
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mm7-request-head-deadline");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger open = new AtomicInteger();
    private final long headMillis = Long.getLong("mm7.http.request-parse-timeout", 10_000L);
    private final int maxConnections = Integer.getInteger("mm7.http.max-connections", 1000);

    /** Whether the first request's head arrived; the deadline closes the connection unless it did. */
    static final class Head {
        private volatile boolean complete;

        void complete() {
            complete = true;
        }
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            connection.closeSilently();
            return ctx.getStopAction();
        }
        connection.addCloseListener((Connection.CloseListener) (closed, type) -> open.decrementAndGet());
        Head head = new Head();
        HEAD.set(connection, head);
        DEADLINES.schedule(() -> {
            if (!head.complete && connection.isOpen()) {
                connection.closeSilently();
            }
        }, headMillis, TimeUnit.MILLISECONDS);
        return super.handleAccept(ctx);
    }
}
