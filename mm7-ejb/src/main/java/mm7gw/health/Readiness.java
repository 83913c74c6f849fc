package mm7gw.health;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import mm7gw.persistence.DatabaseKind;
import mm7gw.relay.entity.OutboundState;
import mm7gw.system.ServerResources;

/**
 * Whether this node can accept work, as a load balancer asks it: the database answers, the broker answers (depths
 * of the gateway's queues), the outbound backlog per VASP is below {@code mm7.health.max-outbound-backlog}
 * (default 50000), and how many dead letters wait (reported, they do not stop the node accepting).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Readiness {
    /** queue depths are counted by browsing, up to this many */
    static final int COUNT_LIMIT = 10_000;
    private static final long MAX_OUTBOUND_BACKLOG = Long.getLong("mm7.health.max-outbound-backlog", 50_000);

    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    public record Report(boolean up, List<Check> checks) {
    }

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.SUBMISSIONS)
    Queue submissions;

    @Resource(lookup = ServerResources.FANOUT)
    Queue fanout;

    @Resource(lookup = ServerResources.OUTBOUND)
    Queue outbound;

    @Resource(lookup = ServerResources.DEAD_LETTERS)
    Queue deadLetters;

    /** An outbound backlog of one VASP: calls queued for their (next) attempt. */
    public record VaspBacklog(String vaspId, long queued) {
    }

    /** The live state the console's dashboard shows; depths are -1 when the broker cannot be asked. */
    public record Live(long submissions, long fanout, long outbound, long deadLetters, List<VaspBacklog> outboundBacklog) {
    }

    public Live live() {
        long[] depths = new long[4];
        Queue[] queues = {submissions, fanout, outbound, deadLetters};
        for (int i = 0; i < queues.length; i++) {
            try {
                depths[i] = depth(queues[i]);
            } catch (Exception e) {
                depths[i] = -1;
            }
        }
        List<VaspBacklog> backlog = em.createQuery("select c.vaspId, count(c) from OutboundCall c where c.state = :queued"
                + " group by c.vaspId order by count(c) desc, c.vaspId", Object[].class)
                .setParameter("queued", OutboundState.QUEUED).setMaxResults(50).getResultStream()
                .map(r -> new VaspBacklog((String) r[0], ((Number) r[1]).longValue())).toList();
        return new Live(depths[0], depths[1], depths[2], depths[3], backlog);
    }

    public Report check() {
        Check database = database();
        List<Check> checks = List.of(database, broker(), database.up() ? outboundBacklog() : skipped("outbound-backlog"),
                deadLetters());
        return new Report(checks.stream().allMatch(Check::up), checks);
    }

    /** The queue depths, dead letters and outbound backlog per VASP, as Prometheus gauges (name to labels to value). */
    public Map<String, Map<String, Long>> gauges() throws Exception {
        Map<String, Long> depths = new LinkedHashMap<>();
        depths.put("queue=\"mm7.submissions\"", depth(submissions));
        depths.put("queue=\"mm7.fanout\"", depth(fanout));
        depths.put("queue=\"mm7.outbound\"", depth(outbound));
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select c.vaspId, count(c) from OutboundCall c where c.state = :queued"
                + " group by c.vaspId", Object[].class).setParameter("queued", OutboundState.QUEUED).getResultList()) {
            backlog.put(mm7gw.metrics.Metrics.labels("vasp", (String) row[0]), ((Number) row[1]).longValue());
        }
        Map<String, Map<String, Long>> gauges = new LinkedHashMap<>();
        gauges.put("mm7_queue_depth", depths);
        gauges.put("mm7_dead_letters", Map.of("", depth(deadLetters)));
        gauges.put("mm7_outbound_backlog", backlog);
        return gauges;
    }

    private Check database() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(5);
            String product = c.getMetaData().getDatabaseProductName();
            if (!valid || !DatabaseKind.postgresql(product)) {
                return new Check("database", valid, Map.of("product", product));
            }
            // how the pool's connections plan statements: force_custom_plan is the data source's setting
            // (datasource-postgresql.cli, payara.sh); "auto" means a data source set up without it
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("SHOW plan_cache_mode")) {
                r.next();
                return new Check("database", true, Map.of("product", product, "planCacheMode", r.getString(1)));
            }
        } catch (Exception e) {
            return new Check("database", false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Check broker() {
        try {
            Map<String, Object> depths = new LinkedHashMap<>();
            depths.put("mm7.submissions", depth(submissions));
            depths.put("mm7.fanout", depth(fanout));
            depths.put("mm7.outbound", depth(outbound));
            return new Check("broker", true, depths);
        } catch (Exception e) {
            return new Check("broker", false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Check outboundBacklog() {
        Map<String, Object> byVasp = new LinkedHashMap<>();
        long total = 0;
        for (Object[] row : em.createQuery("select c.vaspId, count(c) from OutboundCall c where c.state = :queued"
                + " group by c.vaspId order by c.vaspId", Object[].class)
                .setParameter("queued", OutboundState.QUEUED).getResultList()) {
            byVasp.put((String) row[0], row[1]);
            total += ((Number) row[1]).longValue();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("total", total);
        data.put("limit", MAX_OUTBOUND_BACKLOG);
        data.put("byVasp", byVasp);
        return new Check("outbound-backlog", total < MAX_OUTBOUND_BACKLOG, data);
    }

    private Check deadLetters() {
        try {
            return new Check("dead-letters", true, Map.of("mm7.dlq", depth(deadLetters)));
        } catch (Exception e) {
            return new Check("dead-letters", false, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static Check skipped(String name) {
        return new Check(name, false, Map.of("error", "database down"));
    }

    /** Messages on a queue, counted by browsing up to {@link #COUNT_LIMIT}. */
    public long depth(Queue queue) throws Exception {
        try (QueueBrowser browser = jms.createBrowser(queue)) {
            Enumeration<?> e = browser.getEnumeration();
            long n = 0;
            while (e.hasMoreElements() && n < COUNT_LIMIT) {
                e.nextElement();
                n++;
            }
            return n;
        }
    }
}
