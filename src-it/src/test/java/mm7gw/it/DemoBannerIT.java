package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An administrator's password is never written to a log file: not the first administrator's
 * ({@code mm7.admin.initial-password}) by the test server's start (the start-up check of secrets names the setting,
 * not the value), and not the demo administrator's by the run command's banner, which the gateway logs when
 * {@code mm7.demo} is set (the run commands print the password on their console themselves). The banner check
 * restarts the WildFly test server with {@code mm7.demo=true}, then without it.
 */
class DemoBannerIT {

    @Test
    void theServerLogOfThisRunHoldsNoAdministratorsPassword() throws Exception {
        String file = System.getProperty("mm7.server.log");
        assumeTrue(file != null && Files.exists(Path.of(file)), "the test server's server.log");
        List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        // this run's start: WildFly's with an empty schema (restarts keep it), Payara's last domain start
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (Gateway.ON_WILDFLY ? l.contains("VM Arguments: -D[Standalone]") && l.contains("-Dmm7.schema.clean=true")
                    : l.contains("JVM invocation command line:")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "this run's start in " + file);
        String written = String.join("\n", lines.subList(start, lines.size()));
        assertTrue(written.contains("KNOWN DEFAULT SECRETS IN USE"), "the start-up check ran and warned");
        assertFalse(written.contains(Gateway.ADMIN_PASSWORD), "the first administrator's password is in " + file);
    }

    @Test
    void theRunCommandsBannerLeavesTheAdministratorsPasswordOutOfTheLog() throws Exception {
        assumeTrue(Gateway.ON_WILDFLY, "restarts the WildFly test server");
        Path log = Path.of(System.getProperty("mm7.server.log"));
        ServerProcess server = ServerProcess.find();
        server.stop();
        long before = Files.size(log);
        ServerProcess demo = server.restart(Map.of("mm7.demo", "true"), Duration.ofSeconds(240), "server-demo.log")
                .server();
        String written;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Files.size(log) < before ? 0 : before);
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            demo.stop();
        }
        // back to the suite's server before anything is asserted
        ServerProcess back = demo.restart(Map.of("mm7.demo", "false"), Duration.ofSeconds(240), "server-demo.log")
                .server();
        assertTrue(back.commandLine().contains("-Dmm7.demo=false"));
        assertTrue(written.contains(" MM7 gateway is up"), "the demo banner in the log:\n" + written);
        assertTrue(written.contains("   Admin login:           admin / (its password is on the run command's console"),
                "the banner leaves the password out");
        assertFalse(written.contains(Gateway.ADMIN_PASSWORD), "the administrator's password is in the log");
        assertEquals(200, Gateway.admin("GET", "/api/vasps", null).statusCode());
    }
}
