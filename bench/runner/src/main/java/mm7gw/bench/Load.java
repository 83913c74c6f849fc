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

    record Result(String name, int concurrency, long requests, long errors, double seconds, long[] latenciesMicros) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(i, latenciesMicros.length - 1))] / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private final java.util.Set<String> failures = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("<StatusCode>1")) {
                return true;
            }
            return failed("HTTP " + r.statusCode() + ", MM7 status " + between(r.body(), "<StatusCode>", "</StatusCode>"));
        } catch (java.io.IOException e) {
            return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Says once per kind of failure what it was (the table only counts them). */
    private boolean failed(String what) {
        if (failures.add(what)) {
            System.out.println("bench: a request to " + uri.getPath() + " failed: " + what);
        }
        return false;
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
        runFor(concurrency, Math.max(2, seconds / 3), bodies, null);
        long[] latencies = new long[MAX_REQUESTS];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        runFor(concurrency, seconds, bodies, (ok, micros) -> {
            int i = count.getAndIncrement();
            if (i < latencies.length) {
                latencies[i] = micros;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(name, concurrency, n, errors.get(), elapsed, sorted);
    }

    interface Sample {
        void record(boolean ok, long micros);
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
                    boolean ok = send(body);
                    if (sample != null) {
                        sample.record(ok, (System.nanoTime() - t0) / 1000);
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
                boolean ok = send(body);
                latencies[index] = (System.nanoTime() - due) / 1000;
                if (!ok) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(name, 0, total, errors.get(), elapsed, latencies);
    }
}
