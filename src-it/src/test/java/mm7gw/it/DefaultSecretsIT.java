package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            // the relay key and the client key store's password come from the environment on both test servers
            // (MM7_RELAY_SECRET_KEY, MM7_RELAY_CLIENT_KEYSTORE_PASSWORD; on Payara through payara.sh's aliases)
            assertTrue(out.contains("mm7.relay.secret-key (or MM7_RELAY_SECRET_KEY) is the known value"
                    + " 'it-relay-key-not-for-production'"), out);
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
            assertTrue(out.contains("mm7.relay.client-keystore-password (or MM7_RELAY_CLIENT_KEYSTORE_PASSWORD) is the"
                    + " known value 'it-relay-client-not-for-production'"), out);
            assertNotEquals(200, statusOfAdminApi(), "the gateway is not deployed");
        } finally {
            refused.restart(Map.of(ALLOWED, "true"), Duration.ofSeconds(300));
        }
        assertEquals(200, statusOfAdminApi());
    }

    /**
     * The relay key and the client key store's password reach the test servers through the environment
     * ({@code MM7_RELAY_SECRET_KEY}, {@code MM7_RELAY_CLIENT_KEYSTORE_PASSWORD}), read before the system properties:
     * the gateway works with them (it seals an outbound password with the key) and the server log, where WildFly lists
     * the JVM's {@code -D} arguments at boot, has neither setting.
     */
    @Test
    void theRelaySecretsComeFromTheEnvironmentAndStayOutOfTheServerLog() throws Exception {
        Gateway.Vasp vasp = Gateway.newVasp();
        HttpResponse<String> relay = Gateway.admin("PUT", "/api/relay/vasps/" + vasp.vaspId(),
                Json.createObjectBuilder().add("url", "https://127.0.0.1:9/mm7").add("mm7Release", "REL-6-MM7-1-4")
                        .add("timeoutMillis", 3000).add("login", "gw").add("password", Gateway.unique("outbound"))
                        .build().toString());
        assertEquals(200, relay.statusCode(), "an outbound password sealed with the relay key: " + relay.body());
        assertTrue(Gateway.adminJson("/api/relay/vasps/" + vasp.vaspId()).asJsonObject().getBoolean("passwordSet"));
        String log = Files.readString(Path.of(System.getProperty("mm7.server.log")), StandardCharsets.ISO_8859_1);
        // (the start-up check's own finding quotes the published key: what must not be there is the setting itself)
        assertFalse(log.contains("mm7.relay.secret-key=it-relay-key-not-for-production"),
                "the relay key's setting is not in the server log");
        assertFalse(log.contains("mm7.relay.client-keystore-password=it-relay-client-not-for-production"),
                "nor the client key store password's");
    }

    private static int statusOfAdminApi() {
        try {
            return Gateway.admin("GET", "/api/vasps", null).statusCode();
        } catch (AssertionError notListening) {
            return 0;
        }
    }
}
