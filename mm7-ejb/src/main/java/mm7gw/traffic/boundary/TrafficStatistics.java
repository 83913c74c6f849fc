package mm7gw.traffic.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traffic per VASP and hour, read from the charging events (every operation has one): submissions, recipients,
 * refused submissions and recipient deliveries.
 */
@Stateless
@RolesAllowed("admin")
public class TrafficStatistics {
    @Inject
    EntityManager em;

    public record HourlyTraffic(Instant hour, String vaspId, long submissions, long recipients, long refused,
            long deliveries) {
    }

    public record StatusCount(int statusCode, long count) {
    }

    /**
     * The last {@code hours} hours, oldest first; one row per VASP and hour that had traffic. Aggregated by the
     * database, one small grouped query per hour (the occurred_at index keeps each cheap).
     */
    public List<HourlyTraffic> hourly(int hours) {
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(hours - 1L, ChronoUnit.HOURS);
        List<HourlyTraffic> result = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Instant from = first.plus(h, ChronoUnit.HOURS);
            Map<String, long[]> perVasp = new TreeMap<>();
            em.createQuery("select e.vaspId, e.recordType, e.statusCode, count(e), sum(e.recipientCount)"
                            + " from ChargingEvent e where e.occurredAt >= :from and e.occurredAt < :to"
                            + " group by e.vaspId, e.recordType, e.statusCode", Object[].class)
                    .setParameter("from", from).setParameter("to", from.plus(1, ChronoUnit.HOURS))
                    .getResultStream().forEach(r -> {
                        long[] b = perVasp.computeIfAbsent((String) r[0], k -> new long[4]);
                        String type = String.valueOf(r[1]);
                        long count = (Long) r[3];
                        if (type.startsWith("MM7_SUBMIT")) {
                            if ((Integer) r[2] < 2000) {
                                b[0] += count;
                                b[1] += r[4] == null ? 0 : ((Number) r[4]).longValue();
                            } else {
                                b[2] += count;
                            }
                        } else if (type.equals("RECIPIENT_DELIVERY")) {
                            b[3] += count;
                        }
                    });
            perVasp.forEach((vasp, b) -> result.add(new HourlyTraffic(from, vasp, b[0], b[1], b[2], b[3])));
        }
        return result;
    }

    /** How often each MM7 status was answered to submits in the last {@code hours} hours. */
    public List<StatusCount> submitStatuses(int hours) {
        Instant since = Instant.now().minus(hours, ChronoUnit.HOURS);
        return em.createQuery("select e.statusCode, count(e) from ChargingEvent e where e.occurredAt >= :since"
                        + " and e.messageId is not null and e.recipient is null group by e.statusCode order by e.statusCode",
                        Object[].class)
                .setParameter("since", since).getResultStream()
                .map(r -> new StatusCount((Integer) r[0], (Long) r[1])).toList();
    }
}
