package mm7gw.ws.binding;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MM7 requests each VASP account has in flight on this node, capped at {@value #PROPERTY} (default
 * {@value #DEFAULT_CAP}, read on every request; 0 or less: no cap): one VASP cannot take all of the node's request
 * slots ({@code mm7.http.max-concurrent-requests}) from the others. A request over the cap is refused before its
 * body is read ({@link Mm7Binding}: HTTP 503 with {@code Retry-After}).
 */
final class VaspConcurrency {
    static final String PROPERTY = "mm7.vasp.max-concurrent-requests";
    static final int DEFAULT_CAP = 16;
    private static final ConcurrentHashMap<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();

    private VaspConcurrency() {
    }

    static int cap() {
        return Integer.getInteger(PROPERTY, DEFAULT_CAP);
    }

    /**
     * Counts a request of the account in, if the account is under the cap.
     *
     * @return whether it may go on; if so, {@link #leave} must follow
     */
    static boolean enter(String account, int cap) {
        AtomicInteger n = IN_FLIGHT.computeIfAbsent(account, k -> new AtomicInteger());
        if (n.incrementAndGet() > cap) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    static void leave(String account) {
        AtomicInteger n = IN_FLIGHT.get(account);
        if (n != null) {
            n.decrementAndGet();
        }
    }

    static int inFlight(String account) {
        AtomicInteger n = IN_FLIGHT.get(account);
        return n == null ? 0 : n.get();
    }
}
