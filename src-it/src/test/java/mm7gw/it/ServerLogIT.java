package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * WildFly's "started" line, except the entries allowed below, each for a stated reason. Independent of the order
 * the tests run in: everything it reads was written before the first test.
 */
class ServerLogIT {
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} (\\w+) +\\[([^]]+)] (.*)$");

    /** what may appear anyway, and why */
    private static final Map<String, String> ALLOWED = Map.of(
            "Oracle21JsonPlatform",
            "EclipseLink 4.0.9 probes its Oracle JSON platform, whose classes it does not ship; WildFly's module loader"
                    + " logs the failed class definition (WARN with a trace). Nothing of the gateway uses Oracle.");

    @Test
    void aNormalStartLogsNoErrorAndNoStackTrace() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(Gateway.ON_WILDFLY && file != null && Files.exists(Path.of(file)), "WildFly's server.log");
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
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
                if (m.group(1).equals("ERROR") || m.group(1).equals("SEVERE") || m.group(1).equals("FATAL")) {
                    traced = true;
                }
            } else if (line.startsWith("\tat ") || line.startsWith("Caused by: ")) {
                traced = true;
            }
        }
        report(entry, traced, unexpected);
        assertTrue(unexpected.isEmpty(), unexpected.size() + " unexpected ERROR or stack trace at start-up:\n"
                + String.join("\n", unexpected));
    }

    private static void report(String entry, boolean bad, List<String> unexpected) {
        if (entry != null && bad && ALLOWED.keySet().stream().noneMatch(entry::contains)) {
            unexpected.add(entry);
        }
    }
}
