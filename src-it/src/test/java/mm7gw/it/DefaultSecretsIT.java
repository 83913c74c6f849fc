package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outside the run command the gateway refuses to start with the secrets this project publishes: the test server
 * (first administrator {@code it-admin-secret}, relay key {@code it-relay-key-not-for-production}, the TLS key store
 * with tls.cli's password, the relay's client key store password {@code it-relay-client-not-for-production}, the
 * database password {@code postgres} the data source resolved, the billing and guest broker accounts' published
 * passwords in application-users.properties) starts
 * only because it sets {@code mm7.secrets.known-defaults-allowed=true}. Restarted
 * without it, the gateway is not deployed and the log says why; restarted with it again, it answers as before
 * (WildFly: the test restarts its server, keeping the data).
 */
class DefaultSecretsIT {
    private static final String ALLOWED = "mm7.secrets.known-defaults-allowed";

    @Test
    void withoutTheTestAllowanceTheGatewayRefusesToStartWithKnownDefaultSecrets() throws Exception {
        assumeTrue(Gateway.ON_WILDFLY, "restarts the WildFly test server");
        ServerProcess server = ServerProcess.find();
        server.stop();
        ServerProcess.Refused refused = server.restartExpecting(Map.of(ALLOWED, "false"),
                "refuses to start with known default secrets", Duration.ofSeconds(240), "server-secrets.log");
        try {
            String out = refused.output();
            assertTrue(out.contains("mm7.admin.initial-password (or MM7_ADMIN_INITIAL_PASSWORD) is a password this"
                    + " project publishes"), out);
            assertFalse(out.contains(Gateway.ADMIN_PASSWORD), "an administrator's password is never logged");
            // the database password as the server resolved it (datasource-*.cli's default: postgres, H2's sa)
            assertTrue(out.contains("the data source MM7DS connects to the database with the published password '"
                    + ("h2".equals(System.getProperty("mm7.db.kind")) ? "sa" : "postgres") + "'"), out);
            // the broker accounts of remote messaging clients (ApplicationRealm users of the test server)
            assertTrue(out.contains("the ApplicationRealm user 'it-billing' (application-users.properties"), out);
            assertTrue(out.contains("has the published password 'it-billing-secret'"), out);
            assertTrue(out.contains("the ApplicationRealm user 'it-guest'"), out);
            assertTrue(out.contains("mm7.relay.secret-key is the known value 'it-relay-key-not-for-production'"), out);
            assertTrue(out.contains("mm7-tls.p12 opens with tls.cli's store password"), out);
            assertTrue(out.contains("mm7.relay.client-keystore-password is the known value"
                    + " 'it-relay-client-not-for-production'"), out);
            assertNotEquals(200, statusOfAdminApi(), "the gateway is not deployed");
        } finally {
            refused.server().stop();
        }
        ServerProcess.Restarted back = refused.server().restart(Map.of(ALLOWED, "true"), Duration.ofSeconds(240),
                "server-secrets.log");
        assertEquals(200, statusOfAdminApi());
        assertTrue(back.server().commandLine().contains("-D" + ALLOWED + "=true"));
    }

    private static int statusOfAdminApi() {
        try {
            return Gateway.admin("GET", "/api/vasps", null).statusCode();
        } catch (AssertionError notListening) {
            return 0;
        }
    }
}
