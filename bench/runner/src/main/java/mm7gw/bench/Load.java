package mm7gw.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Load on one loopback URL: closed loop at a concurrency, or open loop at a fixed rate; bounded in time and count. */
final class Load {
    static final int MAX_REQUESTS = 200_000;

    /** What became of one request. */
    enum Outcome {
        /** HTTP 200 with an MM7 success status */
        OK,
        /** refused for overload, explicitly: HTTP 503, or MM7 4006 Service unavailable */
        REFUSED,
        /** anything else: another status, no answer, an I/O error */
        FAILED
    }

    /**
     * @param requests requests that completed (answered or failed) in the step
     * @param refused  of those, the ones refused for overload
     * @param errors   of those, the ones that failed otherwise
     * @param warmUpRequests requests that completed in the step's own warm-up before it (closed loops), not counted
     *                       in the others: the server's CPU read around the whole step served them too
     */
    record Result(String name, int concurrency, long requests, long refused, long errors, double seconds,
            long[] latenciesMicros, long warmUpRequests, long[] dueOrderMicros) {
        double throughput() {
            return requests / seconds;
        }

        /** successful requests per second */
        double goodput() {
            return (requests - refused - errors) / seconds;
        }

        /** how many requests took longer than the given time */
        long slowerThan(double millis) {
            return slowerThan(latenciesMicros, millis);
        }

        private static long slowerThan(long[] micros, double millis) {
            long limit = (long) (millis * 1000);
            return Arrays.stream(micros).filter(l -> l > limit).count();
        }

        double percentileMillis(double p) {
            return percentileMillis(latenciesMicros, p);
        }

        /**
         * An open loop's latencies second by second of the schedule: per second, its p50, p99 and maximum in ms and
         * how many of its requests took longer than {@code slowMillis}. Shows whether a tail is spread evenly
         * (queueing) or gathered in a few seconds (something stalled the server).
         */
        List<double[]> bySecond(double ratePerSecond, double slowMillis) {
            List<double[]> seconds = new ArrayList<>();
            int perSecond = Math.max(1, (int) Math.round(ratePerSecond));
            for (int from = 0; from < dueOrderMicros.length; from += perSecond) {
                long[] second = Arrays.copyOfRange(dueOrderMicros, from, Math.min(from + perSecond, dueOrderMicros.length));
                long slow = slowerThan(second, slowMillis);
                Arrays.sort(second);
                seconds.add(new double[] {percentileMillis(second, 50), percentileMillis(second, 99),
                    second[second.length - 1] / 1000.0, slow});
            }
            return seconds;
        }

        private static double percentileMillis(long[] sortedMicros, double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final java.util.Set<String> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean polite;
    private final URI uri;
    private final String authorization;
    private final String contentType;

    Load(String url, String user, String password, String contentType) {
        this.uri = URI.create(url);
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.contentType = contentType;
    }

    /** One request; true when it got HTTP 200 with an MM7 success status. */
    boolean send(byte[] body) {
        return exchange(body) == Outcome.OK;
    }

    /** One request and what became of it. */
    Outcome exchange(byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("<StatusCode>1")) {
                return Outcome.OK;
            }
            String status = between(r.body(), "<StatusCode>", "</StatusCode>");
            String what = "HTTP " + r.statusCode() + ", MM7 status " + status;
            if (r.statusCode() == 503 || status.equals("4006")) {
                note(what + (r.headers().firstValue("Retry-After").map(s -> ", Retry-After " + s).orElse("")));
                return Outcome.REFUSED;
            }
            note(what);
            return Outcome.FAILED;
        } catch (java.io.IOException e) {
            note(e.getClass().getSimpleName() + ": " + e.getMessage());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
    }

    /** Says once per kind of failure or refusal what it was (the tables only count them). */
    private void note(String what) {
        if (failures.add(what)) {
            System.out.println("bench: a request to " + uri.getPath() + " was not accepted: " + what);
        }
    }

    private static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        int j = i < 0 ? -1 : text.indexOf(to, i);
        return j < 0 ? "none" : text.substring(i + from.length(), j);
    }

    String sendForBody(byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Closed loop: {@code concurrency} clients send back to back for {@code seconds} (after a warm-up). */
    Result closedLoop(String name, int concurrency, int seconds, Supplier<byte[]> bodies) throws Exception {
        return closedLoop(name, concurrency, seconds, bodies, false);
    }

    /**
     * @param politeOnRefusal whether a client refused for overload waits as long as Retry-After says (as a VASP
     *                        should) before its next request; the refused request counts with the time it took
     */
    Result closedLoop(String name, int concurrency, int seconds, Supplier<byte[]> bodies, boolean politeOnRefusal)
            throws Exception {
        this.polite = politeOnRefusal;
        AtomicLong warmUp = new AtomicLong();
        runFor(concurrency, Math.max(2, seconds / 3), bodies, (outcome, micros) -> warmUp.incrementAndGet());
        long[] latencies = new long[MAX_REQUESTS];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        runFor(concurrency, seconds, bodies, (outcome, micros) -> {
            int i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = micros;
            }
            if (outcome == Outcome.REFUSED) {
                refused.incrementAndGet();
            } else if (outcome == Outcome.FAILED) {
                errors.incrementAndGet();
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(name, concurrency, n, refused.get(), errors.get(), elapsed, sorted, warmUp.get(), new long[0]);
    }

    interface Sample {
        void record(Outcome outcome, long micros);
    }

    private void runFor(int concurrency, int seconds, Supplier<byte[]> bodies, Sample sample) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger budget = new AtomicInteger(MAX_REQUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
                    byte[] body = bodies.get();
                    long t0 = System.nanoTime();
                    Outcome outcome = exchange(body);
                    if (sample != null) {
                        sample.record(outcome, (System.nanoTime() - t0) / 1000);
                    }
                    if (polite && outcome == Outcome.REFUSED) {
                        Thread.sleep(1000);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
    }

    /** Open loop: requests start at a fixed rate whatever the responses do; latency from scheduled start. */
    Result openLoop(String name, double ratePerSecond, int seconds, Supplier<byte[]> bodies) throws Exception {
        int total = (int) Math.min(MAX_REQUESTS, Math.round(ratePerSecond * seconds));
        long interval = (long) (1e9 / ratePerSecond);
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<?>> pending = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            byte[] body = bodies.get();
            pending.add(pool.submit(() -> {
                Outcome outcome = exchange(body);
                latencies[index] = (System.nanoTime() - due) / 1000;
                if (outcome == Outcome.REFUSED) {
                    refused.incrementAndGet();
                } else if (outcome == Outcome.FAILED) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] dueOrder = latencies.clone();
        Arrays.sort(latencies);
        return new Result(name, 0, total, refused.get(), errors.get(), elapsed, latencies, 0, dueOrder);
    }
}
