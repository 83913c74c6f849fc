package mm7gw.bench;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: for each database variant, starts the gateway as the run command does (plus the bare echo
 * endpoint), measures (a) submit throughput at 1/8/32 clients with 1 KB text, (b) the same with a 100 KB image,
 * (c) a 10,000-recipient mass distribution, (d) latency at half the saturating rate, (e) heap and RSS during (b)
 * and (c); every figure also as a ratio to the echo endpoint measured in the same run.
 */
public final class Benchmark {
    private static final String VASP = "demo-vasp";
    private static final String VAS = "demo-service";
    private static final String PASSWORD = "demo-secret";
    private static final String ADMIN_PASSWORD = "bench-admin";
    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final int MASS_RECIPIENTS = 10_000;
    /** HTTP/1.1: the default h2c upgrade gave a GOAWAY from the server under load */
    private static final HttpClient ADMIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path home = Path.of(System.getProperty("bench.wildfly-home"));
    private final Path serverConfig = Path.of(System.getProperty("bench.server-config"));
    private final Path docs = Path.of(System.getProperty("bench.docs"));
    private final int offset = Integer.getInteger("bench.port-offset", 300);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    /** the server of the variant being measured, and the base URL of its admin API (its own listener) */
    private Server server;
    private String serverUrl;
    private final StringBuilder report = new StringBuilder();
    /** with -Dbench.jfr=true: starts a flight recording of the server for a step, and says where it goes */
    private java.util.function.Function<String, Path> recorder;

    public static void main(String[] args) throws Exception {
        new Benchmark().run(List.of(System.getProperty("bench.variants", "h2,postgresql").split(",")));
        // the HTTP clients' worker pools are not daemon threads: end the run here
        System.exit(0);
    }

    /**
     * {@code -Dbench.server-properties="name=value ..."}: system properties for the gateway's server on top of the
     * run command's, e.g. {@code mm7.submit.batch-size=1}, so that two settings can be compared with one build.
     */
    static List<String> serverProperties() {
        String text = System.getProperty("bench.server-properties", "").trim();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> properties = new ArrayList<>();
        for (String p : text.split("\\s+")) {
            String property = p.startsWith("-D") ? p.substring(2) : p;
            if (!property.matches("[A-Za-z0-9._-]+=\\S*")) {
                throw new IllegalArgumentException("bench.server-properties: not name=value: " + p);
            }
            properties.add("-D" + property);
        }
        return properties;
    }

    private void run(List<String> variants) throws Exception {
        report.append("# Benchmarks\n\n").append("Measured by `mvn -Pbench -DskipTests verify` on ").append(LocalDate.now())
                .append(": ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(totalMemoryGb()).append(" GB memory, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(". The gateway runs as the run command starts it ")
                .append("(same WildFly, same server-config scripts, demo VASP, bcrypt cost 10, JVM `")
                .append(System.getProperty("bench.server-jvm-sizing", "")).append("`); the baseline is a bare ")
                .append("JAX-WS endpoint in the same server that parses the same MM7 submit (same WSDL, same stack) and ")
                .append("answers a fixed SubmitRsp, without authentication, database or JMS. Load comes from one client ")
                .append("JVM on 127.0.0.1, bounded in time (").append(seconds).append(" s per step after a warm-up of its own; ")
                .append(Integer.getInteger("bench.warmup-seconds", 150)).append(" s of load at 32 clients before the first step, ")
                .append("then more until the JIT compilers have gone quiet, as said per variant) and in count.")
                .append(serverProperties().isEmpty() ? "" : " Server properties set for this run: `"
                        + String.join(" ", serverProperties()) + "`.")
                .append(" Ratios are gateway / baseline.\n\n");
        for (String variant : variants) {
            if (variant.equals("postgresql") && !reachable(5432)) {
                report.append("## ").append(variant).append("\n\nSkipped: nothing answers on 127.0.0.1:5432.\n\n");
                continue;
            }
            try {
                measure(variant.trim());
            } catch (Exception e) {
                report.append("\nThe ").append(variant).append(" run failed: ").append(e).append("\n\n");
                e.printStackTrace();
            }
            writeReport();
        }
        System.out.println();
        System.out.println(report);
    }

    private void measure(String variant) throws Exception {
        System.out.println("=== benchmark variant " + variant);
        try (Server server = new Server(home, offset)) {
            server.configure(serverConfig, variant);
            List<String> properties = new ArrayList<>(List.of("-Dmm7.demo=true",
                    "-Dmm7.admin.initial-password=" + ADMIN_PASSWORD, "-Dmm7.schema.clean=true",
                    "-Dmm7.http.plain-allowed=true", "-Dmm7.vasp.max-concurrent-requests=0",
                    "-Dmm7.db.url=" + System.getProperty("bench.pg-url", "jdbc:postgresql://127.0.0.1:5432/test")));
            properties.addAll(serverProperties());
            server.start(properties);
            String base = "http://127.0.0.1:" + server.httpPort();
            // the admin API has its own listener (server-config/gateway.cli)
            String adminBase = "http://127.0.0.1:" + server.adminHttpPort();
            this.server = server;
            this.serverUrl = adminBase;
            // -Dbench.jfr=true: a flight recording of the 32-client steps (-Dbench.profile-clients: of the steps with that
            // many clients); -Dbench.async-profiler=<libasyncProfiler.so>: a CPU profile of them instead (every thread,
            // kernel time included; see CpuProfile)
            String profiler = System.getProperty("bench.async-profiler", "").isBlank() ? null
                    : System.getProperty("bench.async-profiler");
            if (Boolean.getBoolean("bench.jfr") || profiler != null) {
                Path dir = Path.of(System.getProperty("bench.jfr-dir", "target/jfr"));
                Files.createDirectories(dir);
                recorder = label -> {
                    Path file = dir.resolve(variant + "-" + label.replaceAll("\\W+", "-")
                            + (profiler == null ? ".jfr" : ".collapsed")).toAbsolutePath();
                    new Thread(() -> {
                        try {
                            int warmup = Math.max(2, seconds / 3);
                            Thread.sleep(warmup * 1000L);
                            if (profiler == null) {
                                server.recordFlight(file, seconds);
                                return;
                            }
                            Path library = Path.of(profiler).toAbsolutePath();
                            server.startProfiler(library);
                            Thread.sleep(Math.max(1, seconds - warmup) * 1000L);
                            server.stopProfiler(library, file);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }).start();
                    return file;
                };
            }
            Requests text = Requests.text1k();
            Requests image = Requests.image100k();
            Load gateway = new Load(base + "/mm7/vasp", VASP, PASSWORD, text.contentType);
            Load echo = new Load(base + "/echo/vasp", null, null, text.contentType);
            AtomicLong recipient = new AtomicLong();

            report.append("## ").append(variant.equals("h2") ? "H2 (embedded)" : "PostgreSQL").append("\n\n")
                    .append("Load average (1, 5, 15 min) when the measurements began: ").append(loadAverage())
                    .append(" (other processes on the machine skew the absolute figures; the ratios less so).\n\n");
            // a server runs for days: measure it warm. After 45 s of load the JIT compilers still took 44 % of the
            // server's CPU in the 1-client step; after 150 s, 9 % (bench-profile.md, ninth session), and still
            // 7-12 % in the 32-client step (fifteenth session): so go on until they have gone quiet
            int warmup = Integer.getInteger("bench.warmup-seconds", 150);
            long warmStart = System.nanoTime();
            gateway.closedLoop("gateway", 32, warmup, () -> text.submit(VASP, VAS, number(recipient)));
            report.append(untilCompiled(server, gateway, () -> text.submit(VASP, VAS, number(recipient)), warmStart));
            echo.closedLoop("echo", 32, Math.max(2, warmup / 3), () -> text.submit(VASP, VAS, number(recipient)));
            report.append("### (a) MM7_submit, 1 recipient, 1 KB text, HTTP Basic\n\n");
            Map<String, List<double[]>> plot = new LinkedHashMap<>();
            Steps textSteps = throughputTable(plot, "1 KB text", gateway, echo, () -> text.submit(VASP, VAS, number(recipient)), null);

            List<String> steps = steps();
            MemorySampler imageMemory = new MemorySampler(server);
            if (steps.contains("b")) {
                report.append("### (b) the same with a 100 KB image attachment (SwA, base64)\n\n");
                throughputTable(plot, "100 KB image", gateway, echo, () -> image.submit(VASP, VAS, number(recipient)), imageMemory);
                Plot.throughput(docs.resolve("bench-throughput-" + variant + ".png"),
                        "MM7_submit throughput, " + variant + " (" + LocalDate.now() + ")", plot);
                report.append("![throughput](bench-throughput-").append(variant).append(".png)\n\n");
            }
            MemorySampler massMemory = new MemorySampler(server);
            if (steps.contains("c")) {
                report.append("### (c) mass distribution, ").append(MASS_RECIPIENTS).append(" recipients\n\n");
                massDistribution(adminBase, gateway, echo, text, massMemory);
            }
            if (steps.contains("d")) {
                latencyAtHalfRate(adminBase, gateway, echo, textSteps, () -> text.submit(VASP, VAS, number(recipient)));
            }
            if (steps.contains("f")) {
                sustained(adminBase, gateway, echo, textSteps.best(), () -> text.submit(VASP, VAS, number(recipient)));
            }
            if (steps.contains("g")) {
                overload(gateway, textSteps.best(), () -> text.submit(VASP, VAS, number(recipient)));
            }
            if (steps.contains("b") && steps.contains("c")) {
                memory(imageMemory, massMemory);
            }
        }
    }

    /**
     * The steps after (a) to run: {@code -Dbench.steps} (e.g. {@code d} or {@code b,c,d,f,g}, the default); none with
     * {@code -Dbench.only-a=true}. (a) always runs: the others take its rates.
     */
    private static List<String> steps() {
        if (Boolean.getBoolean("bench.only-a")) {
            return List.of(); // profiling the submit path: (a) alone (with -Dbench.jfr=true)
        }
        return List.of(System.getProperty("bench.steps", "b,c,d,f,g").toLowerCase().replaceAll("[^a-z,]", "").split(","));
    }

    /** (d): open loop at half the best rate of (a), gateway and echo. */
    private void latencyAtHalfRate(String adminBase, Load gateway, Load echo, Steps textSteps,
            java.util.function.Supplier<byte[]> bodies) throws Exception {
        report.append("### (d) latency at half the saturating rate\n\n");
            // from a drained pipeline, so that (d) does not measure what the steps before it left to do
            long drainStart = System.nanoTime();
            long[] left = awaitDrained(adminBase);
            report.append(String.format("Begun when the steps before had left no backlog (after %.1f s%s).%n%n",
                    (System.nanoTime() - drainStart) / 1e9, left[0] > 0 || left[1] > 0 ? ", the maximum; some was left" : ""));
            double rate = Math.max(1, textSteps.best() / 2);
            // each after a warm-up of its own at the same rate, as the closed-loop steps have: without it the
            // gateway's first seconds paid for the backlog (a) left and for the client's new connections
            // (p99 120-130 ms in the first two seconds, 25-40 ms in most of the others)
            int warmup = Math.max(2, seconds / 3);
            gateway.openLoop("gateway", rate, warmup, bodies);
            Instant began = Instant.now();
            Load.Result g = gateway.openLoop("gateway", rate, seconds, bodies);
            echo.openLoop("echo", rate, warmup, bodies);
            Load.Result e = echo.openLoop("echo", rate, seconds, bodies);
            report.append(String.format("Rate %.0f req/s (half of the gateway's best closed-loop throughput in (a)), %d"
                    + " requests each, after %d s at the same rate not counted.%n%n", rate, g.requests(), warmup));
            report.append("| | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
            for (Load.Result r : List.of(g, e)) {
                report.append(String.format("| %s | %.1f | %.1f | %.1f | %d |%n", r.name(), r.percentileMillis(50),
                        r.percentileMillis(95), r.percentileMillis(99), r.errors()));
            }
            report.append(String.format("| ratio | %.1f | %.1f | %.1f | |%n%n", g.percentileMillis(50) / e.percentileMillis(50),
                    g.percentileMillis(95) / e.percentileMillis(95), g.percentileMillis(99) / e.percentileMillis(99)));
            // near 1 when a request waits for nothing but its own work; well above 1 when back-to-back requests
            // of one client wait for work the previous one left behind (as they did for the charging counter)
            report.append(String.format("One client back to back ((a), p50 %.1f ms) against the same requests spaced out"
                    + " (p50 %.1f ms): %.1f.%n%n", textSteps.singleClientP50(), g.percentileMillis(50),
                    textSteps.singleClientP50() / g.percentileMillis(50)));
            report.append("The gateway's requests by the second they were due (a tail spread over every second is queueing;"
                    + " one gathered in a few seconds is a stall), with the time each second began, to set beside the"
                    + " server's and the database's logs:\n\n| second | began (UTC) | p50 ms | p99 ms | max ms | over 50 ms |\n"
                    + "|---|---|---|---|---|---|\n");
            List<double[]> bySecond = g.bySecond(rate, 50);
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(ZoneOffset.UTC);
            for (int s = 0; s < bySecond.size(); s++) {
                double[] r = bySecond.get(s);
                report.append(String.format("| %d | %s | %.1f | %.1f | %.1f | %.0f |%n", s + 1,
                        clock.format(began.plusSeconds(s)), r[0], r[1], r[2], r[3]));
            }
            report.append('\n');
    }

    /** (e): the heap and RSS sampled during (b) and (c). */
    private void memory(MemorySampler imageMemory, MemorySampler massMemory) throws Exception {
        report.append("### (e) memory of the server JVM\n\n")
                .append("Heap sampled once a second; collections counted by jstat over the step.\n\n")
                .append("| during | max used heap MB | max heap (-Xmx) MB | young GCs | full GCs | max RSS MB |\n")
                .append("|---|---|---|---|---|---|\n");
        long maxHeap = server.maxHeapMb();
        for (var row : List.of(Map.entry("(b) 100 KB image submits", imageMemory),
                Map.entry("(c) " + MASS_RECIPIENTS + "-recipient distribution", massMemory))) {
            MemorySampler m = row.getValue();
            report.append(String.format("| %s | %d | %d | %d | %d | %d |%n", row.getKey(), m.maxHeap(), maxHeap,
                    m.youngCollections(), m.fullCollections(), m.maxRss()));
        }
        report.append('\n');
    }

    /**
     * (f): the best closed-loop rate of (a), held open-loop for a minute, with the pipeline's backlog (accepted and
     * not yet distributed, committed charging events not yet numbered) sampled once a second; then how long the
     * backlog takes to drain after the last request.
     */
    private void sustained(String adminBase, Load gateway, Load echo, double rate, java.util.function.Supplier<byte[]> bodies)
            throws Exception {
        int duration = Integer.getInteger("bench.sustained-seconds", 60);
        report.append("### (f) sustained: the rate of (a) for ").append(duration).append(" s\n\n");
        List<long[]> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        long t0 = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    long[] b = backlog(adminBase);
                    samples.add(new long[] {(System.nanoTime() - t0) / 1_000_000, b[0], b[1]});
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.out.println("backlog poll failed: " + e);
                }
            }
        }, "backlog-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Load.Result g = gateway.openLoop("gateway", rate, duration, bodies);
        long end = System.nanoTime();
        sampling.set(false);
        sampler.join(5000);
        long[] last = awaitDrained(adminBase);
        double drained = (System.nanoTime() - end) / 1e9;
        long maxMessages = samples.stream().mapToLong(x -> x[1]).max().orElse(-1);
        long maxEvents = samples.stream().mapToLong(x -> x[2]).max().orElse(-1);
        long lastHalfMax = samples.stream().filter(x -> x[0] > duration * 500L).mapToLong(x -> x[1] + x[2]).max().orElse(-1);
        long firstHalfMax = samples.stream().filter(x -> x[0] <= duration * 500L).mapToLong(x -> x[1] + x[2]).max().orElse(-1);
        report.append(String.format("Open loop at %.0f req/s (the best of (a)), %d requests.%n%n", rate, g.requests()))
                .append("| accepted req/s | p50 ms | p99 ms | refused | errors | max undistributed messages | max unnumbered charging events | max backlog 1st half / 2nd half | drained after the end s |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n")
                .append(String.format("| %.0f | %.1f | %.1f | %d | %d | %d | %d | %d / %d | %s |%n%n", g.goodput(),
                        g.percentileMillis(50), g.percentileMillis(99), g.refused(), g.errors(), maxMessages, maxEvents,
                        firstHalfMax, lastHalfMax, last[0] > 0 || last[1] > 0 ? "not within 120" : String.format("%.1f", drained)));
    }

    /** Waits (at most 120 s) until the admin API reports no backlog; returns the last backlog read. */
    private static long[] awaitDrained(String base) throws Exception {
        long[] last = backlog(base);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while ((last[0] > 0 || last[1] > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = backlog(base);
        }
        return last;
    }

    /**
     * CPU per answered request over a closed-loop step, in ms (-1 when the CPU time is unknown), read before the step's
     * own warm-up and after it: the warm-up's requests count.
     */
    private static double cpuPerRequest(long cpuBefore, long cpuAfter, Load.Result step) {
        long requests = step.requests() + step.warmUpRequests();
        return cpuBefore < 0 || cpuAfter < 0 || requests == 0 ? -1 : (cpuAfter - cpuBefore) / (double) requests;
    }

    /** The admin API's backlog: {undistributed messages, unnumbered charging events}. */
    private static long[] backlog(String adminBase) throws Exception {
        HttpResponse<String> r = ADMIN.send(HttpRequest.newBuilder(URI.create(adminBase + "/admin/api/system/backlog"))
                .header("Authorization", adminAuthorization()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        try (JsonReader json = Json.createReader(new java.io.StringReader(r.body()))) {
            jakarta.json.JsonObject o = json.readObject();
            return new long[] {o.getJsonNumber("undistributedMessages").longValue(),
                o.getJsonNumber("unnumberedChargingEvents").longValue()};
        }
    }

    /**
     * (g): ten times the concurrency that saturates (a), closed loop, for 30 s: goodput, how many were refused
     * explicitly (HTTP 503 or MM7 4006), how many failed or took longer than 2 s.
     */
    private void overload(Load gateway, double bestOfA, java.util.function.Supplier<byte[]> bodies) throws Exception {
        int clients = Integer.getInteger("bench.overload-clients", 400);
        int duration = Integer.getInteger("bench.overload-seconds", 30);
        report.append("### (g) overload: ").append(clients).append(" clients for ").append(duration).append(" s\n\n");
        Load.Result g = gateway.closedLoop("gateway", clients, duration, bodies, true);
        report.append("Each client sends back to back; after a refusal (HTTP 503 with Retry-After, or 4006) it waits the")
                .append(" 1 s the answer asks for, as a VASP should.\n\n");
        report.append("| goodput req/s | best of (a) | ratio | refused | refused/s | failed | over 2 s | p50 ms | p99 ms | max ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n")
                .append(String.format("| %.0f | %.0f | %.2f | %d | %.0f | %d | %d | %.1f | %.1f | %.1f |%n%n", g.goodput(),
                        bestOfA, g.goodput() / bestOfA, g.refused(), g.refused() / g.seconds(), g.errors(),
                        g.slowerThan(2000), g.percentileMillis(50), g.percentileMillis(99), g.percentileMillis(100)));
    }

    /** Writes the waits and CPU summaries of a recording beside it, once it is complete. */
    private static void summarise(Path flight) throws Exception {
        // JFR creates the file when the recording starts and fills it when it ends (later on a loaded machine)
        for (int i = 0; i < 120 && (!Files.exists(flight) || Files.size(flight) == 0); i++) {
            Thread.sleep(1000);
        }
        Thread.sleep(2000);
        if (flight.getFileName().toString().endsWith(".collapsed")) {
            Path out = flight.resolveSibling(flight.getFileName() + ".cpu.txt");
            try (java.io.PrintStream p = new java.io.PrintStream(Files.newOutputStream(out))) {
                CpuProfile.write(flight, 30, p);
            }
            System.out.println("bench: CPU profile summary " + out);
            return;
        }
        for (boolean cpu : new boolean[] {false, true}) {
            Path out = flight.resolveSibling(flight.getFileName() + (cpu ? ".cpu.txt" : ".waits.txt"));
            try (java.io.PrintStream p = new java.io.PrintStream(Files.newOutputStream(out))) {
                JfrSummary.write(flight, cpu, 40, p);
            }
            System.out.println("bench: flight recording summary " + out);
        }
    }

    private void writeReport() throws IOException {
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("benchmarks.md"), report.toString());
    }

    /** The gateway's best throughput over the steps, and its p50 with a single client. */
    private record Steps(double best, double singleClientP50) {
    }

    /** Closed-loop steps at 1/8/32 clients for gateway and echo. */
    private Steps throughputTable(Map<String, List<double[]>> plot, String label, Load gateway, Load echo,
            java.util.function.Supplier<byte[]> bodies, MemorySampler memory) throws Exception {
        report.append("| clients | gateway req/s | baseline req/s | ratio | gateway p50 ms | gateway p99 ms | baseline p50 ms"
                        + " | gateway CPU ms/req | of it JIT ms/req | PostgreSQL CPU ms/req | baseline CPU ms/req | errors |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        List<double[]> gw = new ArrayList<>();
        List<double[]> base = new ArrayList<>();
        double best = 0;
        double singleClientP50 = Double.NaN;
        for (int c : CONCURRENCY) {
            if (memory != null) {
                memory.start();
            }
            Path flight = null;
            if (recorder != null && c == Integer.getInteger("bench.profile-clients", CONCURRENCY[CONCURRENCY.length - 1])) {
                // the recording starts after the step's warm-up (a third of the step), over its measured part
                flight = recorder.apply(label);
            }
            long cpu0 = server.cpuMillis();
            long jit0 = server.compilerCpuMillis();
            long db0 = Server.postgresCpuMillis();
            Load.Result g = gateway.closedLoop("gateway", c, seconds, bodies);
            // the gateway's CPU per request includes the distribution and charging its requests started
            awaitDrained(serverUrl);
            double gatewayCpu = cpuPerRequest(cpu0, server.cpuMillis(), g);
            double compilerCpu = cpuPerRequest(jit0, server.compilerCpuMillis(), g);
            double databaseCpu = cpuPerRequest(db0, Server.postgresCpuMillis(), g);
            if (flight != null) {
                summarise(flight);
            }
            if (memory != null) {
                memory.stop();
            }
            long cpu1 = server.cpuMillis();
            Load.Result e = echo.closedLoop("echo", c, seconds, bodies);
            double echoCpu = cpuPerRequest(cpu1, server.cpuMillis(), e);
            best = Math.max(best, g.throughput());
            if (c == 1) {
                singleClientP50 = g.percentileMillis(50);
            }
            gw.add(new double[] {c, g.throughput()});
            base.add(new double[] {c, e.throughput()});
            String line = String.format("| %d | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %d |",
                    c, g.throughput(), e.throughput(), g.throughput() / e.throughput(), g.percentileMillis(50),
                    g.percentileMillis(99), e.percentileMillis(50), gatewayCpu, compilerCpu, databaseCpu, echoCpu,
                    g.errors() + g.refused() + e.errors() + e.refused());
            System.out.println(label + " " + line);
            report.append(line).append('\n');
        }
        report.append('\n');
        plot.put("gateway, " + label, gw);
        plot.put("baseline, " + label, base);
        return new Steps(best, singleClientP50);
    }

    /** The JIT compilers' share of the server's CPU below which a warm-up round ends the warm-up. */
    private static final double QUIET_COMPILERS = 0.05;

    /**
     * Goes on warming the gateway up after the first warm-up, in rounds that run the paths of every step of (a) (6 s
     * at 1 client, 6 s at 8, 15 s at 32, each after a warm-up of its own), until the JIT compilers took less than
     * {@value #QUIET_COMPILERS} of the server's CPU in a round, or the whole warm-up has lasted
     * {@code bench.warmup-max-seconds} (default 900). On two cores the compilers took 7-12 % of the server's CPU in
     * the 32-client step after 150 s of warm-up: the step measured the compilers as much as the code.
     *
     * @return what the report says about the warm-up
     */
    private String untilCompiled(Server server, Load gateway, java.util.function.Supplier<byte[]> bodies, long since)
            throws Exception {
        long max = Integer.getInteger("bench.warmup-max-seconds", 900) * 1_000_000_000L;
        double share = Double.NaN;
        int rounds = 0;
        while (System.nanoTime() - since < max) {
            long cpu0 = server.cpuMillis();
            long jit0 = server.compilerCpuMillis();
            gateway.closedLoop("gateway", 1, 6, bodies);
            gateway.closedLoop("gateway", 8, 6, bodies);
            gateway.closedLoop("gateway", 32, 15, bodies);
            long cpu = server.cpuMillis() - cpu0;
            long jit = server.compilerCpuMillis() - jit0;
            rounds++;
            if (cpu <= 0 || jit0 < 0) {
                return "Warm-up: the JIT compilers' CPU could not be read; " + rounds + " extra round(s).\n\n";
            }
            share = Math.max(0, jit) / (double) cpu;
            System.out.printf("warm-up round %d: the JIT compilers took %.1f %% of the server's CPU%n", rounds, 100 * share);
            if (share < QUIET_COMPILERS) {
                break;
            }
        }
        long total = Math.round((System.nanoTime() - since) / 1e9);
        if (share < QUIET_COMPILERS) {
            return String.format("Warm-up: %d s of load, until the JIT compilers took less than %d %% of the server's "
                            + "CPU in a round of all three concurrencies (%d round(s); in the last, %.1f %%).\n\n",
                    total, Math.round(100 * QUIET_COMPILERS), rounds, 100 * share);
        }
        return String.format("Warm-up: %d s of load, the most allowed; the JIT compilers had not gone quiet (%d round(s)"
                + " of all three concurrencies; in the last, %.1f %% of the server's CPU).\n\n", total, rounds, 100 * share);
    }

    private void massDistribution(String adminBase, Load gateway, Load echo, Requests text, MemorySampler memory)
            throws Exception {
        String[] numbers = new String[MASS_RECIPIENTS];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = String.format("447700901%05d", i);
        }
        byte[] body = text.submit(VASP, VAS, numbers);
        memory.start();
        Instant sent = Instant.now();
        long t0 = System.nanoTime();
        String response = gateway.sendForBody(body);
        double acceptMs = (System.nanoTime() - t0) / 1e6;
        long e0 = System.nanoTime();
        echo.sendForBody(body);
        double echoMs = (System.nanoTime() - e0) / 1e6;
        Matcher id = Pattern.compile("<MessageID>([^<]+)</MessageID>").matcher(response);
        if (!id.find()) {
            memory.stop();
            report.append("The gateway did not accept the request: ").append(response.replaceAll("\\s+", " ")).append("\n\n");
            return;
        }
        // progress polled every 3 s only (the counts query is not free under load: it would slow what it
        // measures); the end is the last delivery's charging event, not the poll that saw it
        long delivered = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (delivered < MASS_RECIPIENTS && System.nanoTime() < deadline) {
            Thread.sleep(3000);
            try {
                delivered = deliveredCount(adminBase, id.group(1));
            } catch (IOException e) {
                System.out.println("progress poll failed (next one in 3 s): " + e);
            }
        }
        memory.stop();
        Instant lastDelivery = lastDelivery(adminBase, id.group(1));
        double fanOutSeconds = lastDelivery == null ? (System.nanoTime() - t0) / 1e9
                : Duration.between(sent, lastDelivery).toNanos() / 1e9;
        report.append("| accept latency ms | baseline parse ms | ratio | delivered | time to last delivery s | recipients/s |\n")
                .append("|---|---|---|---|---|---|\n")
                .append(String.format("| %.0f | %.0f | %.1f | %d of %d | %.1f | %.0f |%n%n", acceptMs, echoMs,
                        acceptMs / echoMs, delivered, MASS_RECIPIENTS, fanOutSeconds, delivered / fanOutSeconds));
    }

    /** Recipients of the message that reached their mailbox, from the admin API's counts. */
    private static long deliveredCount(String adminBase, String messageId) throws Exception {
        HttpResponse<String> r = ADMIN.send(HttpRequest.newBuilder(
                        URI.create(adminBase + "/admin/api/messages/" + messageId + "/counts"))
                .header("Authorization", adminAuthorization())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"recipientsWithDeliveredEntry\"\\s*:\\s*(\\d+)").matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** When the message's last RECIPIENT_DELIVERY charging event was written (server clock, same machine). */
    private static Instant lastDelivery(String adminBase, String messageId) throws Exception {
        HttpResponse<java.io.InputStream> r = ADMIN.send(HttpRequest.newBuilder(
                        URI.create(adminBase + "/admin/api/messages/" + messageId + "/charging-events"))
                .header("Authorization", adminAuthorization()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (JsonReader json = Json.createReader(r.body())) {
            return json.readArray().stream().map(JsonValue::asJsonObject)
                    .filter(e -> e.getString("recordType").equals("RECIPIENT_DELIVERY"))
                    .map(e -> Instant.parse(e.getString("occurredAt"))).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String number(AtomicLong sequence) {
        return String.format("447700901%05d", sequence.incrementAndGet() % 100_000);
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long totalMemoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    /** Samples the server JVM's heap and RSS once a second while a step runs. */
    static final class MemorySampler {
        private final Server server;
        private volatile boolean running;
        private Thread thread;
        private long maxHeap = -1;
        private long maxRss = -1;
        private long young;
        private long full;
        private long[] atStart;

        MemorySampler(Server server) {
            this.server = server;
        }

        void start() {
            atStart = server.gcCounts();
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    maxHeap = Math.max(maxHeap, server.heapUsedMb());
                    maxRss = Math.max(maxRss, server.rssMb());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
            long[] atEnd = server.gcCounts();
            young = atStart[0] < 0 || young < 0 ? -1 : young + atEnd[0] - atStart[0];
            full = atStart[1] < 0 || full < 0 ? -1 : full + atEnd[1] - atStart[1];
        }

        long youngCollections() {
            return young;
        }

        long fullCollections() {
            return full;
        }

        long maxHeap() {
            return maxHeap;
        }

        long maxRss() {
            return maxRss;
        }
    }
}
