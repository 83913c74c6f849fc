package mm7gw.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The WildFly the run command uses (same unpacked distribution, same server-config scripts), started with a port
 * offset on 127.0.0.1 in its own process, and measured from outside (RSS from /proc, heap from jcmd).
 */
final class Server implements AutoCloseable {
    private static final int BOOT_SECONDS = 300;
    private final Path home;
    private final int offset;
    private Process process;

    Server(Path home, int offset) {
        this.home = home;
        this.offset = offset;
    }

    int httpPort() {
        return 8080 + offset;
    }

    /** the console and admin API's own plain HTTP listener (server-config/gateway.cli) */
    int adminHttpPort() {
        return 9080 + offset;
    }

    /** Applies the run command's scripts, with the variant's datasource script, and its TLS key material. */
    void configure(Path serverConfig, String database) throws IOException, InterruptedException {
        Path configuration = home.resolve("standalone/configuration");
        if (!Files.exists(configuration.resolve("mm7-tls.p12"))) {
            keytool(configuration, "-genkeypair", "-alias", "mm7-gateway", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "30", "-storetype", "PKCS12", "-keystore", "mm7-tls.p12", "-storepass",
                    "mm7-gateway-tls", "-keypass", "mm7-gateway-tls", "-dname", "CN=127.0.0.1");
            keytool(configuration, "-exportcert", "-rfc", "-alias", "mm7-gateway", "-keystore", "mm7-tls.p12",
                    "-storepass", "mm7-gateway-tls", "-file", "bench-gateway.pem");
            keytool(configuration, "-importcert", "-noprompt", "-alias", "bench", "-file", "bench-gateway.pem",
                    "-storetype", "PKCS12", "-keystore", "mm7-vasp-trust.p12", "-storepass", "mm7-gateway-tls");
        }
        for (String script : List.of("gateway.cli", "datasource-" + database + ".cli", "messaging.cli", "security.cli",
                "tls.cli")) {
            Process cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(),
                    "--file=" + serverConfig.resolve(script)).redirectErrorStream(true)
                    .redirectOutput(home.resolve("cli-" + script + ".log").toFile()).start();
            if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException(script + " failed; see " + home.resolve("cli-" + script + ".log"));
            }
        }
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed");
        }
    }

    void start(List<String> systemProperties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset));
        command.addAll(systemProperties);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("bench-server.log").toFile());
        // the JVM sized as the run command sizes it (the parent pom's server.jvm-sizing, which bin/standalone.conf
        // takes from JBOSS_JAVA_SIZING), nothing inherited
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        String sizing = System.getProperty("bench.server-jvm-sizing", "");
        if (sizing.isBlank()) {
            pb.environment().remove("JBOSS_JAVA_SIZING");
        } else {
            pb.environment().put("JBOSS_JAVA_SIZING", sizing);
        }
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        // generous: the benchmark machine is often shared, and a loaded 2-core boot took over 150 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited; see " + home.resolve("bench-server.log"));
            }
            if (answers(http, "/mm7/vasp?wsdl") && answers(http, "/echo/vasp?wsdl")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server did not come up in " + BOOT_SECONDS + " s; see " + home.resolve("bench-server.log"));
    }

    private boolean answers(HttpClient http, String path) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server's JVM (standalone.sh's java child). */
    Optional<ProcessHandle> jvm() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst();
    }

    /** Resident set size of the server JVM in MB. */
    long rssMb() {
        return jvm().map(p -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                // process gone
            }
            return -1L;
        }).orElse(-1L);
    }

    /**
     * CPU time the server JVM has used so far (user and system, all its threads), in ms from /proc/<pid>/stat; -1
     * when unknown. Unlike wall-clock throughput it does not depend on what else runs on the machine.
     */
    long cpuMillis() {
        return jvm().map(p -> {
            try {
                long ticks = cpuTicks(Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat")), false);
                return ticks * 1000L / CLOCK_TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /**
     * CPU time the server JVM's JIT compiler threads (C1 and C2) have used so far, in ms from /proc/<pid>/task; -1 when
     * unknown. Part of {@link #cpuMillis}: while it still grows fast, the server is not yet warm.
     */
    long compilerCpuMillis() {
        return jvm().map(p -> {
            try {
                return cpuMillisOf(Path.of("/proc", String.valueOf(p.pid()), "task"),
                        name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"), false);
            } catch (IOException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /**
     * CPU time the machine's PostgreSQL processes have used so far, in ms from /proc (user and system, of every
     * process named postgres, with the time of the children they reaped, so that a backend that exits still counts):
     * the database's share of a request, which the server JVM's figure leaves out. -1 when /proc cannot be read.
     */
    static long postgresCpuMillis() {
        try {
            return cpuMillisOf(Path.of("/proc"), name -> name.startsWith("postgres"), true);
        } catch (IOException e) {
            return -1L;
        }
    }

    /**
     * CPU time in ms of the processes (or, under /proc/<pid>/task, the threads) listed in a /proc directory whose
     * command name passes the test; one that ends while they are read is left out.
     */
    private static long cpuMillisOf(Path dir, java.util.function.Predicate<String> name, boolean withReapedChildren)
            throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            long ticks = 0;
            for (Path p : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (name.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                        ticks += cpuTicks(stat, withReapedChildren);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process or thread ended meanwhile
                }
            }
            return ticks * 1000L / CLOCK_TICKS_PER_SECOND;
        }
    }

    /**
     * CPU ticks of a process from its /proc/<pid>/stat line: utime (field 14) and stime (15), and with
     * {@code withReapedChildren} also cutime (16) and cstime (17). The fields are counted after the command name,
     * which is in parentheses and may hold spaces (the state, field 3, is the first).
     */
    private static long cpuTicks(String stat, boolean withReapedChildren) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReapedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    /** USER_HZ of Linux's /proc (getconf CLK_TCK), 100 on every common kernel build */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Output of jcmd (pid, then the command) or jstat (the option, then pid) for the server JVM; empty if none. */
    private String jdkTool(String tool, String commandOrOption) {
        return jvm().map(p -> {
            String executable = Path.of(System.getProperty("java.home"), "bin", tool).toString();
            String pid = String.valueOf(p.pid());
            List<String> command = tool.equals("jstat") ? List.of(executable, commandOrOption, pid)
                    : List.of(executable, pid, commandOrOption);
            try {
                Process jdk = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(jdk.getInputStream().readAllBytes());
                jdk.waitFor(20, TimeUnit.SECONDS);
                return out;
            } catch (IOException e) {
                return "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }).orElse("");
    }

    /** Starts a flight recording of the server JVM (JFR, profile settings) that stops by itself after the time. */
    void recordFlight(Path file, int seconds) {
        jdkTool("jcmd", "JFR.start name=bench settings=profile duration=" + seconds + "s filename=" + file);
    }

    /**
     * Starts async-profiler (the library given) in the server JVM: CPU samples every 2 ms, per thread; or, with
     * {@code -Dbench.async-profiler-event=wall}, wall-clock samples every 5 ms of every thread, running or waiting
     * (where a request spends its time, waits included).
     */
    void startProfiler(Path library) {
        String event = "wall".equals(System.getProperty("bench.async-profiler-event")) ? "event=wall,interval=5ms"
                : "event=cpu,interval=2ms";
        jdkTool("jcmd", "JVMTI.agent_load " + library + " \"start," + event + ",threads\"");
    }

    /** Stops async-profiler and writes what it sampled to the file in collapsed form. */
    void stopProfiler(Path library, Path collapsed) {
        jdkTool("jcmd", "JVMTI.agent_load " + library + " \"stop,file=" + collapsed + ",collapsed\"");
    }

    /** The server JVM's maximum heap in MB (-Xmx as the JVM applied it). */
    long maxHeapMb() {
        var m = java.util.regex.Pattern.compile("MaxHeapSize=(\\d+)").matcher(jdkTool("jcmd", "VM.flags"));
        return m.find() ? Long.parseLong(m.group(1)) / (1024 * 1024) : -1L;
    }

    /** Collections so far: {young, full, concurrent cycles}, from jstat -gc; -1 each when unknown. */
    long[] gcCounts() {
        String[] lines = jdkTool("jstat", "-gc").trim().split("\\R");
        long[] counts = {-1, -1, -1};
        if (lines.length < 2) {
            return counts;
        }
        List<String> header = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        String[] columns = {"YGC", "FGC", "CGC"};
        for (int i = 0; i < columns.length; i++) {
            int at = header.indexOf(columns[i]);
            if (at >= 0 && at < values.length && values[at].matches("[0-9.]+")) {
                counts[i] = Math.round(Double.parseDouble(values[at]));
            }
        }
        return counts;
    }

    /** Used heap of the server JVM in MB, from jcmd GC.heap_info. */
    long heapUsedMb() {
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jdkTool("jcmd", "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1L;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
