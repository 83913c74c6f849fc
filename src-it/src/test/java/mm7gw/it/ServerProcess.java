package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test's WildFly: the java process with this build's port offset and JBoss home under this module.
 * Restarted with its own command line (some system properties changed), so the build's shutdown (over the
 * management port) stops it later.
 */
record ServerProcess(ProcessHandle handle, List<String> commandLine, File home) {

    static ServerProcess find() {
        String offset = "-Djboss.socket.binding.port-offset=" + System.getProperty("mm7.port-offset", "100");
        String module = new File(System.getProperty("user.dir")).getAbsolutePath();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            List<String> cmd = new ArrayList<>();
            p.info().command().ifPresent(cmd::add);
            p.info().arguments().ifPresent(a -> cmd.addAll(List.of(a)));
            String home = cmd.stream().filter(a -> a.startsWith("-Djboss.home.dir=")).findFirst()
                    .map(a -> a.substring("-Djboss.home.dir=".length())).orElse(null);
            if (cmd.contains(offset) && home != null && new File(home).getAbsolutePath().startsWith(module)) {
                return new ServerProcess(p, cmd, new File(home));
            }
        }
        throw new AssertionError("no WildFly process with " + offset + " under " + module);
    }

    /**
     * Sets a system property on the running test server through its management model (jboss-cli on the management
     * port, local authentication): for settings the gateway reads on every use.
     */
    static void setSystemProperty(String name, String value) throws Exception {
        String resource = "/system-property=" + name;
        cli("setting " + name + "=" + value, "if (outcome != success) of " + resource + ":read-resource\n"
                + resource + ":add(value=" + value + ")\nelse\n"
                + resource + ":write-attribute(name=value, value=" + value + ")\nend-if\n");
    }

    /**
     * Clears a system property in the running test server, also one its command line set: such a property becomes a
     * resource of the management model first, whose removal clears it.
     */
    static void removeSystemProperty(String name) throws Exception {
        String resource = "/system-property=" + name;
        cli("removing " + name, "if (outcome != success) of " + resource + ":read-resource\n" + resource
                + ":add(value=\"\")\nend-if\n" + resource + ":remove\n");
    }

    private static void cli(String what, String commands) throws Exception {
        File home = find().home();
        File script = File.createTempFile("system-property", ".cli");
        try {
            java.nio.file.Files.writeString(script.toPath(), commands);
            Process p = new ProcessBuilder(new File(home, "bin/jboss-cli.sh").getPath(), "--connect",
                    "--controller=127.0.0.1:" + (9990 + Integer.getInteger("mm7.port-offset", 100)),
                    "--file=" + script.getPath()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jboss-cli did not end");
            if (p.exitValue() != 0) {
                throw new AssertionError(what + " failed: " + out);
            }
        } finally {
            script.delete();
        }
    }

    long pid() {
        return handle.pid();
    }

    void kill() throws Exception {
        assertTrue(handle.destroyForcibly(), "SIGKILL sent");
        handle.onExit().get(60, TimeUnit.SECONDS);
    }

    /** An orderly stop (SIGTERM: WildFly shuts down gracefully). */
    void stop() throws Exception {
        assertTrue(handle.destroy(), "SIGTERM sent");
        handle.onExit().get(120, TimeUnit.SECONDS);
    }

    /** Starts the server again on the same database, its schema kept. @return milliseconds until it answered */
    long restartKeepingData(Duration timeout, String logName) throws Exception {
        return restart(Map.of(), timeout, logName).millis();
    }

    /** The server's command line with the schema kept and {@code properties} set instead of (or besides) its own. */
    private List<String> commandLineWith(Map<String, String> properties) {
        List<String> cmd = new ArrayList<>(commandLine.stream()
                .filter(a -> !a.startsWith("-Dmm7.schema.clean="))
                .filter(a -> properties.keySet().stream().noneMatch(k -> a.startsWith("-D" + k + "=")))
                .toList());
        int mainClass = Math.max(0, cmd.indexOf("-jar"));
        List<String> added = new ArrayList<>(List.of("-Dmm7.schema.clean=false"));
        properties.forEach((k, v) -> added.add("-D" + k + "=" + v));
        cmd.addAll(mainClass > 0 ? mainClass : 1, added);
        return cmd;
    }

    /**
     * Starts the server again with the same command line, the schema kept ({@code mm7.schema.clean=false}) and the
     * given system properties set instead of (or besides) the ones it had.
     */
    Restarted restart(Map<String, String> properties, Duration timeout, String logName) throws Exception {
        long start = System.nanoTime();
        List<String> cmd = commandLineWith(properties);
        File log = new File(System.getProperty("user.dir"), "target/" + logName);
        Process p = new ProcessBuilder(cmd).directory(home).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Gateway.admin("GET", "/api/vasps", null).statusCode() == 200) {
                    return new Restarted(new ServerProcess(p.toHandle(), cmd, home), (System.nanoTime() - start) / 1_000_000);
                }
            } catch (AssertionError notYet) {
                // connection refused while the server boots
            }
            Thread.sleep(500);
        }
        throw new AssertionError("WildFly did not come back within " + timeout + "; see " + log);
    }

    /**
     * Starts the server again like {@link #restart} for a start in which the gateway is expected not to deploy: waits
     * until the server's output (appended to {@code target/<logName>}) contains {@code expected}.
     *
     * @return the started server (to be stopped) and everything it wrote
     */
    Refused restartExpecting(Map<String, String> properties, String expected, Duration timeout, String logName)
            throws Exception {
        List<String> cmd = commandLineWith(properties);
        File log = new File(System.getProperty("user.dir"), "target/" + logName);
        long offset = log.exists() ? log.length() : 0;
        Process p = new ProcessBuilder(cmd).directory(home).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        String written = "";
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (var in = java.nio.file.Files.newInputStream(log.toPath())) {
                in.skipNBytes(offset);
                written = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (written.contains(expected) && written.contains("WFLYSRV0026")) {
                return new Refused(new ServerProcess(p.toHandle(), cmd, home), written);
            }
            Thread.sleep(500);
        }
        p.destroy();
        throw new AssertionError("WildFly did not start with \"" + expected + "\" within " + timeout + "; see " + log);
    }

    record Refused(ServerProcess server, String output) {
    }

    record Restarted(ServerProcess server, long millis) {
    }
}
