package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A normal start logs no ERROR and no stack trace: the test server's {@code server.log}, from this run's start
 * (the build's, with {@code -Dmm7.schema.clean=true}; the restarts of CrashIT and UpgradeIT come later) to
 * WildFly's "started" line, except the entries allowed below, each for a stated reason. On Payara the domain's
 * {@code server.log} (kept across runs), from the domain's last start before the gateway's deployment to the
 * line saying it was deployed ({@code payara.sh start} deploys after the domain has started): no SEVERE entry,
 * no stack trace and no WARNING but those allowed below. Independent of the order the tests run in: everything it reads was written before the
 * first test. Also: admin API answers and a refused request log nothing at SEVERE or ERROR and no stack trace, the
 * console's pages neither and no Faces warning, and an orderly stop of the server neither (the server is started
 * again afterwards).
 */
class ServerLogIT {
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} (\\w+) +\\[([^]]+)] (.*)$");
    /** Payara's (ODL) format: [time] [product] [level] [message id] [logger] [thread] ... [[ then the message */
    private static final Pattern PAYARA_ENTRY = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T[^]]*] \\[[^]]*] \\[(\\w+)] .*");

    /** what may appear anyway, and why */
    private static final Map<String, String> ALLOWED = Map.of(
            "Oracle21JsonPlatform",
            "EclipseLink 4.0.9 probes its Oracle JSON platform, whose classes it does not ship; WildFly's module loader"
                    + " logs the failed class definition (WARN with a trace). Nothing of the gateway uses Oracle.");

    /**
     * The WARNING entries a normal start of the Payara domain (with the gateway's deployment) may log, by message id,
     * and why; any other WARNING fails the start, as a SEVERE entry does. Gone and so not here: AS-DEPLOYMENT-00015
     * and AS-WEB-GLUE-00277 (the console's web.xml named WildFly's mechanism list as its auth-method, which Payara
     * did not know; it names FORM now and WildFly's security.cli adds the silent BASIC).
     */
    private static final Map<String, String> PAYARA_START_WARNINGS = Map.of(
            "Ignoring invalid property errorReportValve = ",
            "AS-WEB-GLUE-00241: payara.sh sets the virtual server's errorReportValve to nothing (error pages without"
                    + " Payara's report and version, DefaultContentIT); the virtual server applies it, and Payara also"
                    + " hands the virtual server's properties to every web module it loads there (its default one at"
                    + " the start, the gateway's two), which do not know this one and say they ignore it",
            "KNOWN DEFAULT SECRET",
            "the gateway's own warning, on test servers only: they run with the published test passwords"
                    + " (mm7.secrets.known-defaults-allowed=true); a production server refuses to start with them",
            "mm7.schema.clean=true: dropping every object",
            "the gateway's own warning, on test servers only: the build starts on an empty schema");

    /**
     * warnings a start on WildFly no longer logs: Elytron's application.keystore (WFLYELY00023, WFLYELY01084), since
     * tls.cli removes the TLS context nothing uses
     */
    private static final String GONE_WARNING = "application.keystore";

    @Test
    void aNormalStartLogsNoErrorAndNoStackTrace() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        if (!Gateway.ON_WILDFLY) {
            payaraStart(file, withRotated(Path.of(file)));
            return;
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("VM Arguments: -D[Standalone]") && lines.get(i).contains("-Dmm7.schema.clean=true")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "this run's start in " + file);
        List<String> unexpected = new ArrayList<>();
        String entry = null;
        boolean traced = false;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            var m = ENTRY.matcher(line);
            if (m.matches()) {
                report(entry, traced, unexpected);
                entry = line;
                traced = false;
                if (m.group(3).contains("WFLYSRV0025")) {
                    entry = null;
                    break;
                }
                if (m.group(1).equals("ERROR") || m.group(1).equals("SEVERE") || m.group(1).equals("FATAL")
                        || m.group(3).contains(GONE_WARNING)) {
                    traced = true;
                }
            } else if (line.startsWith("\tat ") || line.startsWith("Caused by: ")) {
                traced = true;
            }
        }
        report(entry, traced, unexpected);
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected ERROR, stack trace or warning at start-up:\n"
                + String.join("\n", unexpected));
    }

    /**
     * A refused request is an answer, not a server error: its SOAP fault logs nothing at SEVERE or ERROR (Payara's
     * OpenTracing filter for JAX-WS logged every fault as SEVERE until payara.sh turned its logger off).
     */
    @Test
    void aRefusedRequestLogsNoError() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        Gateway.Vasp vasp = Gateway.newVasp();
        Gateway.Vasp other = Gateway.newVasp();
        long before = Files.size(Path.of(file));
        loggedUpToARefusal(Path.of(file), before, vasp, other);
        // then a little longer
        Thread.sleep(1_000);
        String written = writtenSince(Path.of(file), before);
        List<String> errors = written.lines()
                .filter(l -> l.contains("[SEVERE]") || l.contains(" ERROR ["))
                .toList();
        assertTrue(errors.isEmpty(), "logged for a refused request:\n" + String.join("\n", errors));
    }

    /**
     * Admin API answers (JSON in and out) log nothing: JSON-B writes them. On Payara, EclipseLink's MOXy provider, which
     * Jersey found by scanning the EAR, was asked first for every answer and logged a WARNING with a stack trace
     * each time (about 2 MB of log per 20 s under the console's polling) until {@code AdminApi} listed its classes.
     */
    @Test
    void adminApiAnswersLogNoStackTrace() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        Path log = Path.of(file);
        long before = Files.size(log);
        Gateway.Vasp vasp = Gateway.newVasp();
        for (String path : List.of("/api/vasps", "/api/vasps/" + vasp.vaspId(), "/api/system/backlog")) {
            HttpResponse<String> r = Gateway.admin("GET", path, null);
            assertTrue(r.statusCode() == 200 && (r.body().startsWith("{") || r.body().startsWith("[")),
                    path + ": " + r.statusCode() + " " + r.body());
        }
        String written = loggedUpToARefusal(log, before, vasp, Gateway.newVasp());
        List<String> unexpected = entries(written).stream()
                .filter(e -> severe(e) || e.contains("\n\tat ") || e.contains("MOXy") || e.contains("org.eclipse.persistence.jaxb"))
                .toList();
        assertTrue(unexpected.isEmpty(), "logged for admin API answers:\n" + String.join("\n", unexpected));
    }

    /**
     * The console's pages log nothing either: no SEVERE or ERROR entry, no stack trace and no warning of the web
     * container's Faces implementation. Both servers' Mojarra logged JSF1103 (the metadata facet not a direct child of
     * the view) at every request of a VASP's or a message's page until the layout took the pages' {@code f:metadata}
     * at the top of the view. The pages are fetched with the administrator's Basic credentials, as an API client.
     */
    @Test
    void theConsolesPagesLogNoWarning() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        Path log = Path.of(file);
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpResponse<String> submitted = Gateway.postSoap(vasp, Envelopes.submit(Gateway.unique("tx"), vasp,
                "<To><Number>447700900306</Number></To>"));
        String messageId = Gateway.mm7(Gateway.xml(submitted.body()), "MessageID");
        long before = Files.size(log);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/vasp.xhtml?vaspId=" + vasp.vaspId(), vasp.vaspId());
        pages.put("/message.xhtml?messageId=" + messageId, messageId);
        for (String page : List.of("/index.xhtml", "/vasps.xhtml", "/messages.xhtml", "/dead-letters.xhtml",
                "/charging.xhtml", "/directory.xhtml", "/audit.xhtml", "/account.xhtml")) {
            pages.put(page, "MM7 gateway");
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            HttpResponse<String> r = Gateway.admin("GET", page.getKey(), null);
            assertTrue(r.statusCode() == 200 && r.body().contains(page.getValue()),
                    page.getKey() + ": " + r.statusCode() + " " + r.body());
        }
        String written = loggedUpToARefusal(log, before, vasp, Gateway.newVasp());
        List<String> unexpected = entries(written).stream()
                .filter(e -> severe(e) || e.contains("\n\tat ") || (warning(e) && FACES.matcher(e).find()))
                .toList();
        assertTrue(unexpected.isEmpty(), "logged for the console's pages:\n" + String.join("\n", unexpected));
    }

    /** a log entry of the Faces implementation (Mojarra's loggers and message codes), or of PrimeFaces */
    private static final Pattern FACES = Pattern.compile("webcontainer\\.faces|com\\.sun\\.faces|primefaces|JSF\\d{4}");

    /**
     * An orderly stop logs no SEVERE (or ERROR) entry and no stack trace. Payara's JMX connector, once bound to
     * 127.0.0.1, logged NCLS-JMX-00011 with a NotBoundException at every stop until {@code payara.sh} turned it off.
     * The server is started again on the same database, its schema kept (the domain as configured and deployed;
     * WildFly with its command line).
     */
    @Test
    void anOrderlyStopLogsNoSevereEntryAndNoStackTrace() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        Path log = Path.of(file);
        long before = Files.size(log);
        String written;
        if (Gateway.ON_WILDFLY) {
            ServerProcess server = ServerProcess.find();
            server.stop();
            written = writtenSince(log, before);
            server.restartKeepingData(java.time.Duration.ofMinutes(3), "server-after-stop.log");
        } else {
            PayaraDomain domain = PayaraDomain.get();
            domain.stopDomain();
            written = writtenSince(log, before);
            // the schema kept (the next build's payara.sh start sets it again)
            domain.configure(Map.of("mm7.schema.clean", "false"), null);
            domain.resume(java.time.Duration.ofMinutes(5), "payara-after-stop.log");
        }
        List<String> stop = entries(written);
        assertTrue(stop.stream().anyMatch(e -> e.contains(Gateway.ON_WILDFLY ? "WFLYSRV0050" : "Server shutdown initiated")),
                "the stop in the log:\n" + written);
        List<String> unexpected = stop.stream().filter(e -> severe(e) || e.contains("\n\tat ")).toList();
        assertTrue(unexpected.isEmpty(), unexpected.size() + " SEVERE or ERROR entries or stack traces at the stop:\n"
                + String.join("\n", unexpected));
    }

    /**
     * What the server logged from {@code offset} on, up to the line of a request of {@code vasp} refused now (4001, a
     * VASID of {@code other}; the line names its TransactionID): the servers write their logs in the background, in order.
     */
    private static String loggedUpToARefusal(Path log, long offset, Gateway.Vasp vasp, Gateway.Vasp other)
            throws Exception {
        String tx = Gateway.unique("tx");
        SubmitRefusalIT.assertRsError(Gateway.postSoap(vasp, Envelopes.submit(tx, other.vaspId(), other.vasId(), "svc",
                "<To><Number>447700900304</Number></To>")), "4001", "Client");
        String written = "";
        for (long deadline = System.nanoTime() + 15_000_000_000L; !written.contains(tx) && System.nanoTime() < deadline; ) {
            Thread.sleep(250);
            written = writtenSince(log, offset);
        }
        assertTrue(written.contains(tx), "the refusal is in the log:\n" + written);
        return written;
    }

    /** The log entries in a piece of either server's log, each with its continuation lines (a stack trace). */
    private static List<String> entries(String written) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : written.split("\n", -1)) {
            if (ENTRY.matcher(line).matches() || PAYARA_ENTRY.matcher(line).matches()) {
                if (entry != null) {
                    entries.add(entry.toString());
                }
                entry = new StringBuilder(line);
            } else if (entry != null) {
                entry.append('\n').append(line);
            }
        }
        if (entry != null) {
            entries.add(entry.toString());
        }
        return entries;
    }

    private static boolean severe(String entry) {
        String first = entry.lines().findFirst().orElse("");
        var wildfly = ENTRY.matcher(first);
        if (wildfly.matches()) {
            return List.of("ERROR", "FATAL", "SEVERE").contains(wildfly.group(1));
        }
        var payara = PAYARA_ENTRY.matcher(first);
        return payara.matches() && payara.group(1).equals("SEVERE");
    }

    private static boolean warning(String entry) {
        String first = entry.lines().findFirst().orElse("");
        var wildfly = ENTRY.matcher(first);
        if (wildfly.matches()) {
            return List.of("WARN", "WARNING").contains(wildfly.group(1));
        }
        var payara = PAYARA_ENTRY.matcher(first);
        return payara.matches() && payara.group(1).equals("WARNING");
    }

    /** Payara rotates server.log at 2 MB (to server.log_<time>): the rotated files, oldest first, then the log. */
    private static List<String> withRotated(Path log) throws java.io.IOException {
        List<Path> files;
        try (var all = Files.list(log.getParent())) {
            files = new ArrayList<>(all.filter(f -> f.getFileName().toString().startsWith(log.getFileName() + "_"))
                    .sorted(java.util.Comparator.comparing(f -> f.toFile().lastModified())).toList());
        }
        files.add(log);
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return lines;
    }

    static String writtenSince(Path file, long offset) throws java.io.IOException {
        try (var in = Files.newInputStream(file)) {
            // a log rotated meanwhile starts again at 0
            in.skipNBytes(Files.size(file) < offset ? 0 : offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void payaraStart(String file, List<String> lines) {
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("mm7-gateway was successfully deployed")) {
                end = i;
            }
        }
        assertTrue(end >= 0, "the gateway's deployment in " + file);
        int start = -1;
        for (int i = 0; i < end; i++) {
            if (lines.get(i).contains("JVM invocation command line:")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "the domain's start before the deployment in " + file);
        List<String> unexpected = new ArrayList<>();
        StringBuilder entry = null;
        boolean bad = false;
        for (int i = start; i <= end; i++) {
            String line = lines.get(i);
            var m = PAYARA_ENTRY.matcher(line);
            if (m.matches()) {
                reportPayara(entry, bad, unexpected);
                entry = new StringBuilder(line);
                bad = m.group(1).equals("SEVERE");
            } else if (entry != null) {
                entry.append('\n').append(line);
                bad |= line.startsWith("\tat ") || line.startsWith("Caused by: ");
            }
        }
        reportPayara(entry, bad, unexpected);
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected SEVERE or WARNING entry or stack trace at start-up:\n"
                + String.join("\n", unexpected));
    }

    /** a Payara entry: SEVERE or with a stack trace, or a WARNING, unless allowed */
    private static void reportPayara(StringBuilder entry, boolean bad, List<String> unexpected) {
        if (entry == null) {
            return;
        }
        String text = entry.toString();
        if (bad) {
            report(text, true, unexpected);
        } else if (warning(text) && PAYARA_START_WARNINGS.keySet().stream().noneMatch(text::contains)) {
            unexpected.add(text);
        }
    }

    private static void report(String entry, boolean bad, List<String> unexpected) {
        if (entry != null && bad && ALLOWED.keySet().stream().noneMatch(entry::contains)) {
            unexpected.add(entry);
        }
    }
}
