package mm7gw.charging.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordType;

/**
 * Billing exports of the charging events: pages of a time window (for the CSV export and the console) and the
 * daily summary per VASP, VAS and ServiceCode. Read-only; events cannot be changed or deleted through it.
 */
@Stateless
@RolesAllowed("admin")
public class ChargingExport {
    /** the most events one page holds */
    public static final int MAX_PAGE = 1000;

    @Inject
    EntityManager em;

    /** A time window [from, to) and optionally one VASP. */
    public record Window(Instant from, Instant to, String vaspId) {
        public Window {
            if (from == null || to == null) {
                throw RequestRefused.invalid("a time window needs both from and to (ISO-8601 instants)");
            }
            if (!from.isBefore(to)) {
                throw RequestRefused.invalid("from (" + from + ") must be before to (" + to + ")");
            }
            vaspId = vaspId == null || vaspId.isEmpty() ? null : vaspId;
        }
    }

    /**
     * The events of the window with an event id greater than {@code afterId}, in event id order, at most
     * {@code max} ({@value #MAX_PAGE} at most). Start with afterId 0 and continue from the last id returned.
     */
    public List<ChargingEventView> page(Window window, long afterId, int max) {
        String jpql = "select e from ChargingEvent e where e.occurredAt >= :from and e.occurredAt < :to"
                + " and e.sequenceNumber is not null and e.id > :after" + (window.vaspId() == null ? "" : " and e.vaspId = :vaspId") + " order by e.id";
        TypedQuery<ChargingEvent> q = em.createQuery(jpql, ChargingEvent.class)
                .setParameter("from", window.from()).setParameter("to", window.to()).setParameter("after", afterId)
                .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)));
        if (window.vaspId() != null) {
            q.setParameter("vaspId", window.vaspId());
        }
        return q.getResultStream().map(ChargingEventView::of).toList();
    }

    /** One line of the daily summary. */
    public record DailySummary(LocalDate day, String vaspId, String vasId, String serviceCode, long events,
            Map<String, Long> eventsByRecordType, long submittedRecipients, long submittedBytes) {
    }

    /** Per VASP, VAS and ServiceCode (exactly as received): the events of one UTC day. */
    public List<DailySummary> dailySummary(LocalDate day, String vaspId) {
        if (day == null) {
            throw RequestRefused.invalid("day is required (YYYY-MM-DD, UTC)");
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean oneVasp = vaspId != null && !vaspId.isEmpty();
        String jpql = "select e.vaspId, e.vasId, e.serviceCode, e.recordType, count(e), sum(e.recipientCount),"
                + " sum(e.messageSize) from ChargingEvent e where e.occurredAt >= :from and e.occurredAt < :to"
                + " and e.sequenceNumber is not null"
                + (oneVasp ? " and e.vaspId = :vaspId" : "")
                + " group by e.vaspId, e.vasId, e.serviceCode, e.recordType";
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to);
        if (oneVasp) {
            q.setParameter("vaspId", vaspId);
        }
        Map<List<String>, Totals> lines = new LinkedHashMap<>();
        for (Object[] row : q.getResultList()) {
            List<String> key = java.util.Arrays.asList((String) row[0], (String) row[1], (String) row[2]);
            Totals t = lines.computeIfAbsent(key, k -> new Totals());
            RecordType type = (RecordType) row[3];
            long count = ((Number) row[4]).longValue();
            t.events += count;
            t.byType.merge(type.name(), count, Long::sum);
            if (type == RecordType.MM7_SUBMIT || type == RecordType.MM7_REPLY_SUBMIT) {
                t.recipients += row[5] == null ? 0 : ((Number) row[5]).longValue();
                t.bytes += row[6] == null ? 0 : ((Number) row[6]).longValue();
            }
        }
        return lines.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ChargingExport::compareKeys))
                .map(e -> new DailySummary(day, e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                        e.getValue().events, e.getValue().byType, e.getValue().recipients, e.getValue().bytes))
                .toList();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i) == null ? "" : a.get(i);
            String y = b.get(i) == null ? "" : b.get(i);
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static final class Totals {
        long events;
        final Map<String, Long> byType = new TreeMap<>();
        long recipients;
        long bytes;
    }
}
