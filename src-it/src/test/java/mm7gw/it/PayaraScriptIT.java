package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server-config/payara/payara.sh} refuses the passwords this project publishes (database, broker, billing and
 * further broker accounts, TLS stores) unless the run command ({@code mm7.demo=true}) or the test allowance
 * ({@code mm7.secrets.known-defaults-allowed=true}) is in {@code MM7_PROPERTIES}: {@code provision} and {@code start}
 * end with exit code 1 and say which setting to change before they touch anything, and {@code check-secrets} runs the
 * same check alone. Runs the script itself (bash only), so on either server's test run.
 */
class PayaraScriptIT {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "..", "server-config", "payara",
            "payara.sh").normalize();

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private Result run(String command, Map<String, String> env) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
        // no server at all: the check comes before anything is created or started
        b.environment().keySet().removeIf(k -> k.startsWith("MM7_") || k.endsWith("_PASSWORD") || k.startsWith("TLS_")
                || k.startsWith("BROKER_") || k.startsWith("BILLING_") || k.startsWith("DB_"));
        b.environment().put("PAYARA_HOME", dir.resolve("payara").toString());
        b.environment().put("ARTEMIS_HOME", dir.resolve("artemis").toString());
        b.environment().put("BROKER_DIR", dir.resolve("broker").toString());
        b.environment().put("RAR", dir.resolve("none.rar").toString());
        b.environment().put("EAR", dir.resolve("none.ear").toString());
        b.environment().putAll(env);
        File out = dir.resolve("out-" + System.nanoTime()).toFile();
        Process p = b.redirectOutput(out).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "payara.sh " + command + " ended");
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void provisionAndStartRefuseThePublishedPasswordsBeforeTheyTouchAnything() throws Exception {
        for (String command : new String[] {"provision", "start", "check-secrets"}) {
            Result r = run(command, Map.of());
            assertEquals(1, r.exit(), command + ": " + r.output());
            assertTrue(r.output().contains("payara.sh refuses to configure passwords this project publishes"),
                    r.output());
            assertTrue(r.output().contains("DB_PASSWORD is the published password 'postgres'"), r.output());
            assertTrue(r.output().contains("BROKER_PASSWORD is the published password 'mm7-gateway-secret'"),
                    r.output());
            assertFalse(Files.exists(dir.resolve("payara")) || Files.exists(dir.resolve("broker")),
                    command + " created nothing");
        }
    }

    @Test
    void everyPublishedOrEmptyPasswordIsNamed() throws Exception {
        Result r = run("check-secrets", Map.of("DB_PASSWORD", "sa",
                "BILLING_USER", "billing", "BILLING_PASSWORD", "it-billing-secret",
                "BROKER_ACCOUNTS", "guest:it-guest-secret:guest nobody::guest",
                "TLS_KEY_STORE", dir.resolve("tls.p12").toString(), "TLS_STORE_PASSWORD", "changeit"));
        assertEquals(1, r.exit(), r.output());
        for (String finding : new String[] {"DB_PASSWORD is the published password 'sa'",
                "BROKER_PASSWORD is the published password 'mm7-gateway-secret'", "BROKER_ACCOUNTS (nobody) is empty",
                "BILLING_PASSWORD is the published password 'it-billing-secret'",
                "BROKER_ACCOUNTS (guest) is the published password 'it-guest-secret'",
                "TLS_STORE_PASSWORD is the published password 'changeit'"}) {
            assertTrue(r.output().contains(finding), finding + " in " + r.output());
        }
    }

    @Test
    void ownPasswordsPassAndTheRunCommandAndTheTestAllowanceKeepThePublishedOnes() throws Exception {
        Result own = run("check-secrets", Map.of("DB_PASSWORD", "db-" + System.nanoTime(),
                "BROKER_PASSWORD", "broker-" + System.nanoTime(), "TLS_KEY_STORE", dir.resolve("tls.p12").toString(),
                "TLS_STORE_PASSWORD", "tls-" + System.nanoTime()));
        assertEquals(0, own.exit(), own.output());
        assertFalse(own.output().contains("refuses"), own.output());

        for (String allowance : new String[] {"mm7.demo=true", "mm7.secrets.known-defaults-allowed=true"}) {
            Result allowed = run("check-secrets", Map.of("MM7_PROPERTIES", "mm7.schema.clean=true " + allowance));
            assertEquals(0, allowed.exit(), allowance + ": " + allowed.output());
            assertTrue(allowed.output().contains("published passwords allowed (" + allowance + " in MM7_PROPERTIES"),
                    allowed.output());
        }
        // the allowance is the setting itself, not a word in another one
        Result notAllowed = run("check-secrets", Map.of("MM7_PROPERTIES",
                "mm7.secrets.known-defaults-allowed=false x.mm7.demo=true"));
        assertEquals(1, notAllowed.exit(), notAllowed.output());
    }
}
