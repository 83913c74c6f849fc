package mm7gw.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's application metrics, kept in memory and written in the Prometheus text format
 * ({@code /admin/metrics}). Small on purpose: counters with labels and one latency histogram. Neither WildFly's
 * standalone-full.xml (no micrometer or microprofile-metrics subsystem) nor the two servers alike offer a registry
 * the application could write to. Counted where the work is done, so an event of a transaction that rolls back
 * afterwards is counted too.
 */
public final class Metrics {
    /** seconds: upper bounds of the request latency histogram's buckets */
    static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Family(String type, String help, Map<String, LongAdder> series) {
    }

    private static final Map<String, Family> FAMILIES = new ConcurrentHashMap<>();
    private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();

    // the group commit's counters, written from the start (at 0) so that a first fallback shows as an increase
    private static final String BATCHES = "mm7_submit_batches_total";
    private static final String BATCHES_HELP = "batches of two or more MM7 submits accepted together, by outcome:"
            + " committed in one transaction, or failed as a whole and accepted again one submit at a time"
            + " (one_by_one)";
    private static final LongAdder BATCHES_COMMITTED = counter(BATCHES, BATCHES_HELP, labels("outcome", "committed"));
    private static final LongAdder BATCHES_ONE_BY_ONE = counter(BATCHES, BATCHES_HELP, labels("outcome", "one_by_one"));
    private static final LongAdder SUBMITS_BATCHED = counter("mm7_submits_batched_total",
            "MM7 submits answered by a batch of two or more that committed (refusals in it included)", "");

    private Metrics() {
    }

    public static void submit(String vasp, int statusCode, long nanos) {
        count("mm7_submits_total", "MM7 submits by VASP and answered status code",
                labels("vasp", vasp, "status", String.valueOf(statusCode)), 1);
        HISTOGRAMS.computeIfAbsent("mm7_request_seconds", k -> new Histogram()).observe(nanos / 1e9);
    }

    public static void recipientsFannedOut(int recipients) {
        count("mm7_recipients_fanned_out_total", "recipients a submit was distributed to", "", recipients);
    }

    public static void outboundCall(String vasp, String outcome) {
        count("mm7_outbound_calls_total", "calls to VASPs (deliver, delivery and read reports) by outcome",
                labels("vasp", vasp, "outcome", outcome), 1);
    }

    public static void rateLimitRefusal(String vasp) {
        count("mm7_rate_limit_refusals_total", "submits refused for a VASP's rate limit", labels("vasp", vasp), 1);
    }

    public static void chargingEvent(String recordType) {
        count("mm7_charging_events_total", "charging events written", labels("record_type", recordType), 1);
    }

    public static void vaspConcurrencyRefusal(String account) {
        count("mm7_vasp_concurrency_refusals_total",
                "MM7 requests refused with HTTP 503 because the VASP account had mm7.vasp.max-concurrent-requests in flight",
                labels("account", account), 1);
    }

    /** A batch of two or more submits was accepted in one transaction that committed. */
    public static void submitBatchCommitted(int submits) {
        BATCHES_COMMITTED.increment();
        SUBMITS_BATCHED.add(submits);
    }

    /** A batch of two or more submits failed as a whole; its submits are accepted again one at a time. */
    public static void submitBatchOneByOne() {
        BATCHES_ONE_BY_ONE.increment();
    }

    public static void transactionIdsForgotten(long n) {
        count("mm7_transaction_ids_forgotten_total",
                "answered TransactionIDs deleted after the window (mm7.transaction-id.window-hours)", "", n);
    }

    static void count(String name, String help, String labels, long n) {
        counter(name, help, labels).add(n);
    }

    /** The counter of that name and labels, created (at 0, in the scrape from then on) when it is not there yet. */
    private static LongAdder counter(String name, String help, String labels) {
        return FAMILIES.computeIfAbsent(name, k -> new Family("counter", help, new ConcurrentHashMap<>()))
                .series().computeIfAbsent(labels, k -> new LongAdder());
    }

    /** The counters and the histogram, then the gauges given (name to value, read at the scrape). */
    public static String prometheusText(Map<String, Map<String, Long>> gauges, Map<String, String> gaugeHelp) {
        StringBuilder out = new StringBuilder(4096);
        new TreeMap<>(FAMILIES).forEach((name, f) -> {
            out.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(f.type()).append('\n');
            new TreeMap<>(f.series()).forEach((labels, v) -> out.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}")
                    .append(' ').append(v.sum()).append('\n'));
        });
        HISTOGRAMS.forEach((name, h) -> h.write(name, out));
        new TreeMap<>(gauges).forEach((name, series) -> {
            out.append("# HELP ").append(name).append(' ').append(gaugeHelp.getOrDefault(name, name)).append('\n');
            out.append("# TYPE ").append(name).append(" gauge\n");
            new TreeMap<>(series).forEach((labels, v) -> out.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}")
                    .append(' ').append(v).append('\n'));
        });
        return out.toString();
    }

    /** Prometheus label pairs, values escaped. */
    public static String labels(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append(',');
            }
            String v = pairs[i + 1] == null ? "" : pairs[i + 1];
            b.append(pairs[i]).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return b.toString();
    }

    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[LATENCY_BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        void observe(double seconds) {
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                if (seconds <= LATENCY_BUCKETS[i]) {
                    buckets[i].increment();
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void write(String name, StringBuilder out) {
            out.append("# HELP ").append(name).append(" time to answer an MM7 submit\n");
            out.append("# TYPE ").append(name).append(" histogram\n");
            for (int i = 0; i < LATENCY_BUCKETS.length; i++) {
                out.append(name).append("_bucket{le=\"").append(LATENCY_BUCKETS[i]).append("\"} ").append(buckets[i].sum()).append('\n');
            }
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
            out.append(name).append("_sum ").append(sum.sum()).append('\n');
            out.append(name).append("_count ").append(count.sum()).append('\n');
        }
    }
}
