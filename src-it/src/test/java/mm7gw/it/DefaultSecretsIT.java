package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outside the run command the gateway refuses to start with the secrets this project publishes: the test server
 * (first administrator {@code it-admin-secret}, relay key {@code it-relay-key-not-for-production}, the relay's client
 * key store password {@code it-relay-client-not-for-production}; on WildFly also the TLS key store with tls.cli's
 * password, the database password {@code postgres} the data source resolved, the billing and guest broker accounts'
 * published passwords in application-users.properties) starts only because it sets
 * {@code mm7.secrets.known-defaults-allowed=true}. Restarted without it, the gateway is not deployed and the log says
 * why; restarted with it again, it answers as before (the test restarts its server, keeping the data: WildFly's
 * process with other system properties, Payara's domain with its system properties changed in domain.xml).
 */
class DefaultSecretsIT {
    private static final String ALLOWED = "mm7.secrets.known-defaults-allowed";

    @Test
    void withoutTheTestAllowanceTheGatewayRefusesToStartWithKnownDefaultSecrets() throws Exception {
        TestServer.Refused refused = TestServer.restartRefusing(Map.of(ALLOWED, "false"),
                "refuses to start with known default secrets", Duration.ofSeconds(300), "server-secrets.log");
        try {
            String out = refused.output();
            assertTrue(out.contains("mm7.admin.initial-password (or MM7_ADMIN_INITIAL_PASSWORD) is a password this"
                    + " project publishes"), out);
            assertFalse(out.contains(Gateway.ADMIN_PASSWORD), "an administrator's password is never logged");
            assertTrue(out.contains("mm7.relay.secret-key is the known value 'it-relay-key-not-for-production'"), out);
            if (Gateway.ON_WILDFLY) {
                // WildFly's configuration only (Payara's key stores, pool and broker accounts: payara.sh refuses them)
                // the database password as the server resolved it (datasource-*.cli's default: postgres, H2's sa)
                assertTrue(out.contains("the data source MM7DS connects to the database with the published password '"
                        + ("h2".equals(System.getProperty("mm7.db.kind")) ? "sa" : "postgres") + "'"), out);
                // the broker accounts of remote messaging clients (ApplicationRealm users of the test server)
                assertTrue(out.contains("the ApplicationRealm user 'it-billing' (application-users.properties"), out);
                assertTrue(out.contains("has the published password 'it-billing-secret'"), out);
                assertTrue(out.contains("the ApplicationRealm user 'it-guest'"), out);
                assertTrue(out.contains("mm7-tls.p12 opens with tls.cli's store password"), out);
            }
            assertTrue(out.contains("mm7.relay.client-keystore-password is the known value"
                    + " 'it-relay-client-not-for-production'"), out);
            assertNotEquals(200, statusOfAdminApi(), "the gateway is not deployed");
        } finally {
            refused.restart(Map.of(ALLOWED, "true"), Duration.ofSeconds(300));
        }
        assertEquals(200, statusOfAdminApi());
    }

    private static int statusOfAdminApi() {
        try {
            return Gateway.admin("GET", "/api/vasps", null).statusCode();
        } catch (AssertionError notListening) {
            return 0;
        }
    }
}
