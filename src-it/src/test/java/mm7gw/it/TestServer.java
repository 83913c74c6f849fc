package mm7gw.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's settings on the server under test, WildFly or Payara, for the tests that change them. The gateway
 * reads its {@code mm7.*} settings as system properties: WildFly's are changed through its management model
 * ({@link ServerProcess}, jboss-cli), Payara's are the domain's system properties ({@link PayaraDomain}, asadmin),
 * which Payara also sets in the running JVM at once. Settings the gateway reads at every use take effect without a
 * restart; the ones it reads at deployment need {@link #restartRefusing} and {@link Refused#restart}.
 */
final class TestServer {
    private TestServer() {
    }

    /** Sets a gateway setting on the running server: the gateway sees it at its next use. */
    static void set(String name, String value) throws Exception {
        if (Gateway.ON_WILDFLY) {
            ServerProcess.setSystemProperty(name, "\"" + value + "\"");
        } else {
            PayaraDomain.get().setSystemProperty(name, value);
        }
    }

    /** Removes a gateway setting from the running server, also one it was started with: the gateway's default applies. */
    static void unset(String name) throws Exception {
        if (Gateway.ON_WILDFLY) {
            ServerProcess.removeSystemProperty(name);
        } else {
            PayaraDomain.get().removeSystemProperty(name);
        }
    }

    /**
     * Stops the server and starts it again on the same database, its schema kept, with {@code settings} instead of its
     * own, for a start in which the gateway is expected not to deploy: returns once the server has started and logged
     * {@code expected}, with what it logged (WildFly: its output; Payara: the domain's server.log).
     */
    static Refused restartRefusing(Map<String, String> settings, String expected, Duration timeout, String logName)
            throws Exception {
        if (Gateway.ON_WILDFLY) {
            ServerProcess server = ServerProcess.find();
            server.stop();
            ServerProcess.Refused r = server.restartExpecting(settings, expected, timeout, logName);
            return new Refused(r.output(), r.server(), null, logName);
        }
        PayaraDomain domain = PayaraDomain.get();
        domain.stopDomain();
        domain.configure(keepingSchema(settings), null);
        return new Refused(domain.startExpecting(expected, timeout, logName), null, domain, logName);
    }

    /** The settings with the schema kept (Payara: written into domain.xml; the next build's start sets it again). */
    private static Map<String, String> keepingSchema(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("mm7.schema.clean", "false");
        return all;
    }

    /** A server started with settings the gateway refused: it runs without the gateway until {@link #restart}. */
    record Refused(String output, ServerProcess wildfly, PayaraDomain payara, String logName) {
        /** Stops it and starts it again with {@code settings}; returns once the gateway answers. */
        void restart(Map<String, String> settings, Duration timeout) throws Exception {
            if (wildfly != null) {
                wildfly.stop();
                wildfly.restart(settings, timeout, logName);
            } else {
                payara.stopDomain();
                payara.configure(keepingSchema(settings), null);
                payara.resume(timeout, logName);
            }
        }
    }
}
