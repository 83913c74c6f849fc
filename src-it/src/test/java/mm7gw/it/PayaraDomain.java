package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The test's Payara domain and its standalone Artemis broker (profile payara): found as processes, stopped, killed
 * and started again with {@code server-config/payara/payara.sh resume}, and configured through {@code asadmin}.
 * The gateway's settings are the domain's system properties: changed on the running domain with asadmin (Payara sets
 * them in its JVM at once), or, like the database (the JDBC pool's URL), in {@code domain.xml} while the domain is
 * down. What it changes stays in the domain,
 * whose system properties {@code payara.sh start} of the next build sets again.
 */
final class PayaraDomain {
    private static final String POOL_URL = "resources.jdbc-connection-pool.mm7-pool.property.URL";
    private final File home = new File(required("mm7.payara.home"));
    private final File domainDir = new File(home, "glassfish/domains/" + System.getProperty("mm7.payara.domain", "mm7"));
    private final File brokerDir = new File(required("mm7.broker.dir"));

    static PayaraDomain get() {
        return new PayaraDomain();
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        assertTrue(v != null && !v.isBlank(), "system property " + name + " (set by the payara profile)");
        return v;
    }

    /** The domain's JVM: the java process whose instance root is the domain directory. */
    ProcessHandle domainProcess() {
        return process("-Dcom.sun.aas.instanceRoot=" + domainDir.getAbsolutePath())
                .orElseThrow(() -> new AssertionError("no Payara process of " + domainDir));
    }

    /** The broker's JVM: the java process whose instance is the broker directory. */
    ProcessHandle brokerProcess() {
        return process("-Dartemis.instance=" + brokerDir.getAbsolutePath())
                .orElseThrow(() -> new AssertionError("no Artemis process of " + brokerDir));
    }

    private static Optional<ProcessHandle> process(String argument) {
        String canonical = argument;
        try {
            int eq = argument.indexOf('=');
            canonical = argument.substring(0, eq + 1) + new File(argument.substring(eq + 1)).getCanonicalPath();
        } catch (java.io.IOException e) {
            // compare as given
        }
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            List<String> args = arguments(p);
            if (args.contains(argument) || args.contains(canonical)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A process's arguments: from {@code /proc/<pid>/cmdline} where there is one (the JDK's {@code ProcessHandle.Info}
     * did not show the domain JVM's instance root, far into a command line of several KB), else as the JDK sees them.
     */
    private static List<String> arguments(ProcessHandle p) {
        java.nio.file.Path cmdline = java.nio.file.Path.of("/proc", String.valueOf(p.pid()), "cmdline");
        try {
            String all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
            if (!all.isEmpty()) {
                return List.of(all.split("\0"));
            }
        } catch (java.io.IOException | SecurityException gone) {
            // no /proc, or the process ended meanwhile
        }
        return p.info().arguments().map(List::of).orElse(List.of());
    }

    /**
     * Changes the stopped domain's {@code domain.xml}: system properties of the server (a null value removes one) and,
     * unless null, the JDBC URL of the gateway's database (the pool mm7-pool). Done while the domain is down, so
     * nothing of the running gateway sees a half-changed configuration (asadmin would reconfigure the pool at once).
     */
    void configure(Map<String, String> systemProperties, String databaseUrl) throws Exception {
        assertTrue(process("-Dcom.sun.aas.instanceRoot=" + domainDir.getAbsolutePath()).isEmpty(), "the domain is down");
        File xml = new File(domainDir, "config/domain.xml");
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        org.w3c.dom.Element server = child(d.getDocumentElement(), "servers", null);
        server = child(server, "server", "server");
        for (Map.Entry<String, String> p : systemProperties.entrySet()) {
            org.w3c.dom.Element e = child(server, "system-property", p.getKey());
            if (p.getValue() == null) {
                if (e != null) {
                    server.removeChild(e);
                }
            } else {
                if (e == null) {
                    e = d.createElement("system-property");
                    e.setAttribute("name", p.getKey());
                    // beside the other system properties (the order of domain.xml's elements kept)
                    org.w3c.dom.Node last = null;
                    for (org.w3c.dom.Node n = server.getFirstChild(); n != null; n = n.getNextSibling()) {
                        if (n instanceof org.w3c.dom.Element x && x.getTagName().equals("system-property")) {
                            last = x;
                        }
                    }
                    server.insertBefore(e, last == null ? server.getFirstChild() : last.getNextSibling());
                }
                e.setAttribute("value", p.getValue());
            }
        }
        if (databaseUrl != null) {
            org.w3c.dom.Element pool = child(child(d.getDocumentElement(), "resources", null), "jdbc-connection-pool", "mm7-pool");
            assertTrue(pool != null, "the pool mm7-pool in " + xml);
            org.w3c.dom.Element url = child(pool, "property", "URL");
            assertTrue(url != null, "the URL of mm7-pool in " + xml);
            url.setAttribute("value", databaseUrl);
        }
        var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
        t.transform(new javax.xml.transform.dom.DOMSource(d), new javax.xml.transform.stream.StreamResult(xml));
    }

    /** The JDBC URL of the gateway's database (the pool mm7-pool in domain.xml). */
    String databaseUrl() throws Exception {
        File xml = new File(domainDir, "config/domain.xml");
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        return child(child(child(d.getDocumentElement(), "resources", null), "jdbc-connection-pool", "mm7-pool"),
                "property", "URL").getAttribute("value");
    }

    /** The first child element of that tag (and of that name attribute, unless null), or null. */
    private static org.w3c.dom.Element child(org.w3c.dom.Element parent, String tag, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && e.getTagName().equals(tag)
                    && (name == null || name.equals(e.getAttribute("name")))) {
                return e;
            }
        }
        return null;
    }

    /** An orderly stop of the domain (the broker keeps running). */
    void stopDomain() throws Exception {
        run(List.of(asadminCommand(), "--user", "admin", "--passwordfile", passwordFile().getPath(), "stop-domain",
                domainDir.getName()), Duration.ofMinutes(3), null);
        assertTrue(process("-Dcom.sun.aas.instanceRoot=" + domainDir.getAbsolutePath()).isEmpty(), "domain stopped");
    }

    /** SIGKILL to the domain and to the broker, as a power cut of the host would. @return the domain's pid */
    long killDomainAndBroker() throws Exception {
        ProcessHandle domain = domainProcess();
        ProcessHandle broker = brokerProcess();
        assertTrue(domain.destroyForcibly() & broker.destroyForcibly(), "SIGKILL sent");
        domain.onExit().get(60, TimeUnit.SECONDS);
        broker.onExit().get(60, TimeUnit.SECONDS);
        return domain.pid();
    }

    /**
     * Starts the broker (unless it runs) and the domain as configured ({@code payara.sh resume}), then waits for the
     * admin API. @return milliseconds until the gateway answered
     */
    long resume(Duration timeout, String logName) throws Exception {
        long start = System.nanoTime();
        File log = new File(System.getProperty("user.dir"), "target/" + logName);
        run(resumeCommand(log), timeout, log);
        return awaitGateway(start, timeout, log);
    }

    /**
     * Moves the running domain's gateway to another database with {@code payara.sh database} (the gateway disabled,
     * the pool mm7-pool on that JDBC URL, or on the domain's embedded H2 file for "h2", the gateway enabled again),
     * then waits for the admin API. @return milliseconds until the gateway answered
     */
    long moveDatabase(String url, Duration timeout, String logName) throws Exception {
        long start = System.nanoTime();
        File log = new File(System.getProperty("user.dir"), "target/" + logName);
        ProcessBuilder b = script("database");
        b.environment().keySet().removeIf(k -> k.startsWith("DB_"));
        b.environment().put("DB_URL", url);
        // the test domain keeps the published passwords (H2's sa, PostgreSQL's postgres)
        b.environment().put("MM7_PROPERTIES", "mm7.secrets.known-defaults-allowed=true");
        run(b.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)), timeout, log);
        return awaitGateway(start, timeout, log);
    }

    /** A system property of the domain's server as domain.xml holds it now, or null. */
    String systemProperty(String name) throws Exception {
        File xml = new File(domainDir, "config/domain.xml");
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        org.w3c.dom.Element p = child(child(child(d.getDocumentElement(), "servers", null), "server", "server"),
                "system-property", name);
        return p == null ? null : p.getAttribute("value");
    }

    /** The domain's directory (glassfish/domains/<domain>). */
    File directory() {
        return domainDir;
    }

    private static long awaitGateway(long start, Duration timeout, File log) throws Exception {
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Gateway.admin("GET", "/api/vasps", null).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (AssertionError notYet) {
                // the application is still being loaded
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway on Payara did not answer within " + timeout + "; see " + log);
    }

    private ProcessBuilder resumeCommand(File log) {
        return script("resume").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    }

    /** {@code payara.sh} with these arguments, for this domain, its broker and their ports. */
    private ProcessBuilder script(String... arguments) {
        List<String> cmd = new ArrayList<>(List.of("bash", required("mm7.payara.script")));
        cmd.addAll(List.of(arguments));
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().put("PAYARA_HOME", home.getPath());
        b.environment().put("ARTEMIS_HOME", required("mm7.artemis.home"));
        b.environment().put("BROKER_DIR", brokerDir.getPath());
        b.environment().put("BROKER_PORT", required("mm7.broker.port"));
        b.environment().put("ADMIN_PORT", System.getProperty("mm7.payara.admin-port", "5048"));
        b.environment().put("DOMAIN", domainDir.getName());
        return b;
    }

    /**
     * Starts the broker (unless it runs) and the domain as configured, like {@link #resume}, for a start in which the
     * gateway is expected not to load: waits until the domain's server.log has {@code expected} from this start.
     *
     * @return what the domain logged from this start on
     */
    String startExpecting(String expected, Duration timeout, String logName) throws Exception {
        java.nio.file.Path serverLog = domainDir.toPath().resolve("logs/server.log");
        long offset = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        File log = new File(System.getProperty("user.dir"), "target/" + logName);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            run(resumeCommand(log), timeout, log);
        } catch (AssertionError startFailed) {
            // asadmin may report the failed application as a failed start: the log below says what happened
        }
        String written = "";
        while (System.nanoTime() < deadline) {
            try (var in = Files.newInputStream(serverLog)) {
                in.skipNBytes(Files.size(serverLog) < offset ? 0 : offset); // rotated meanwhile: from its start
                written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (written.contains(expected)) {
                return written;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the domain did not log \"" + expected + "\" within " + timeout + "; see " + serverLog
                + " and " + log);
    }

    /**
     * Sets a system property of the running domain's server ({@code asadmin create-system-properties}): Payara sets
     * it in the running JVM as well, and keeps it in domain.xml.
     */
    void setSystemProperty(String name, String value) throws Exception {
        String escaped = value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
        asadmin("create-system-properties", "--target", "server", name + "=" + escaped);
    }

    /** Removes a system property of the running domain's server: Payara clears it in the running JVM as well. */
    void removeSystemProperty(String name) throws Exception {
        asadmin("delete-system-property", "--target", "server", name);
    }

    /**
     * The file with the password of Payara's administrator (asadmin's {@code --passwordfile} format) that
     * {@code payara.sh} wrote into the domain when it created it.
     */
    File passwordFile() {
        return new File(domainDir, "config/mm7-asadmin-passwordfile");
    }

    /** The password of Payara's administrator {@code admin}, as {@code payara.sh} kept it. */
    String adminPassword() throws java.io.IOException {
        return Files.readAllLines(passwordFile().toPath(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("AS_ADMIN_PASSWORD=")).map(l -> l.substring("AS_ADMIN_PASSWORD=".length()))
                .findFirst().orElseThrow(() -> new AssertionError("no AS_ADMIN_PASSWORD in " + passwordFile()));
    }

    /** The domain's {@code domain.xml} as it is now. */
    String domainXml() throws java.io.IOException {
        return Files.readString(new File(domainDir, "config/domain.xml").toPath(), StandardCharsets.UTF_8);
    }

    private String asadminCommand() {
        return new File(home, "bin/asadmin").getPath();
    }

    /**
     * Switches the domain's plain HTTP listeners (the MM7 endpoint's and the admin side's) on or off as
     * {@code payara.sh start} does from {@code mm7.http.plain-allowed} ({@code payara.sh plain-http}).
     */
    void plainHttp(boolean on) throws Exception {
        run(script("plain-http", String.valueOf(on)).redirectErrorStream(true), Duration.ofMinutes(3), null);
    }

    String asadmin(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(asadminCommand(), "--host", "127.0.0.1", "--port",
                System.getProperty("mm7.payara.admin-port", "5048"), "--user", "admin", "--passwordfile",
                passwordFile().getPath()));
        cmd.addAll(List.of(args));
        return run(cmd, Duration.ofMinutes(3), null);
    }

    private static String run(List<String> cmd, Duration timeout, File log) throws Exception {
        return run(new ProcessBuilder(cmd).redirectErrorStream(true), timeout, log);
    }

    private static String run(ProcessBuilder b, Duration timeout, File log) throws Exception {
        File out = log;
        if (out == null) {
            out = File.createTempFile("asadmin", ".out");
            b.redirectOutput(out);
        }
        try {
            Process p = b.start();
            assertTrue(p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), String.join(" ", b.command()) + " did not end");
            String text = log == null ? Files.readString(out.toPath(), StandardCharsets.UTF_8) : "";
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", b.command()) + " failed (" + p.exitValue() + "): "
                        + (log == null ? text : "see " + log));
            }
            return text;
        } finally {
            if (log == null) {
                out.delete();
            }
        }
    }

}
