package mm7gw.vasp.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import mm7gw.kernel.VaspId;
import mm7gw.vasp.entity.RateWindow;

/**
 * Per-VASP rate limits that hold across every node of a cluster without a database write per request. The
 * shared counters live in one row per VASP ({@link RateWindow}); a node takes permits from it in leases (a tenth
 * of the limit, at least what the request needs) in a short transaction of its own, keeps them for the current
 * second, and admits requests from its lease in memory. The nodes together never admit more than the limit in a
 * second; a node may leave some of its lease unused, so under uneven load across nodes a VASP may get somewhat
 * less than its limit.
 */
@ApplicationScoped
public class RateLimiter {
    /** the share of a limit one lease takes (system property mm7.rate.lease-fraction, default 0.1) */
    static final double LEASE_FRACTION = Double.parseDouble(System.getProperty("mm7.rate.lease-fraction", "0.1"));

    @Inject
    RateWindows windows;

    Clock clock = Clock.systemUTC();

    private final ConcurrentHashMap<VaspId, RateWindow.Lease> leases = new ConcurrentHashMap<>();

    /**
     * @return null when admitted (and counted), else which limit the request exceeds
     * @throws RateWindows.NoWindow when the VASP's counter row does not exist yet
     */
    public String admit(VaspId vaspId, int recipients, Integer maxSubmissions, Integer maxRecipients) {
        long second = clock.instant().getEpochSecond();
        RateWindow.Lease lease = leases.computeIfAbsent(vaspId, v -> new RateWindow.Lease());
        synchronized (lease) {
            if (lease.admit(second, recipients)) {
                return null;
            }
            RateWindow.Grant grant = windows.lease(vaspId, recipients, share(maxSubmissions, 1),
                    share(maxRecipients, recipients), maxSubmissions, maxRecipients);
            if (grant.refusal() != null) {
                mm7gw.metrics.Metrics.rateLimitRefusal(vaspId.value());
                return grant.refusal();
            }
            lease.add(grant);
            if (!lease.admit(grant.second(), recipients)) {
                throw new IllegalStateException("a lease of " + grant + " does not admit " + recipients + " recipients");
            }
            return null;
        }
    }

    private static int share(Integer limit, int atLeast) {
        return limit == null ? atLeast : Math.max(atLeast, (int) Math.ceil(limit * LEASE_FRACTION));
    }
}
