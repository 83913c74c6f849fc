package mm7gw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A cluster node's security settings (profile cluster, node 1 at port offset 400): its colocated backup messaging
 * server, which takes a dead partner's journal over, gives the gateway's addresses the same roles as the live server
 * (messaging.cli): nothing for guest, billing a subscription to mm7.charging only, mm7-gateway everything. Read from
 * the running node's management model. And the start-up check of published secrets sees the cluster password and the
 * database password the node resolved (the test nodes are allowed to keep them and say so in a warning).
 */
class ClusterSecurityIT {
    private static final String NODE_HOME = System.getProperty("mm7.cluster.node2.home");
    private static final String NODE1_CONTROLLER = System.getProperty("mm7.cluster.node1.controller", "127.0.0.1:10390");

    @Test
    void theBackupMessagingServerGivesTheGatewaysAddressesTheLiveServersRoles() throws Exception {
        for (String address : new String[] {"\"jms.queue.mm7.#\"", "jms.topic.mm7.charging"}) {
            String live = roles("default", address);
            String backup = roles("backup", address);
            assertEquals(live, backup, "the roles of " + address + " on the backup and the live server");
            assertFalse(backup.contains("\"guest\""), "no guest role on " + address + ": " + backup);
            assertTrue(backup.contains("\"mm7-gateway\""), backup);
        }
        String charging = roles("backup", "jms.topic.mm7.charging");
        Matcher billing = Pattern.compile("\"billing\" => \\{([^}]*)}").matcher(charging);
        assertTrue(billing.find(), charging);
        assertTrue(billing.group(1).contains("\"consume\" => true"), billing.group(1));
        assertTrue(billing.group(1).contains("\"send\" => false"), "billing only subscribes: " + billing.group(1));
        String queues = roles("backup", "\"jms.queue.mm7.#\"");
        assertFalse(queues.contains("\"billing\""), "billing has nothing on the gateway's queues: " + queues);
    }

    @Test
    void theStartUpCheckSeesTheClusterAndDatabasePasswordsTheNodeResolved() throws Exception {
        String log = Files.readString(Path.of(System.getProperty("mm7.cluster.node1.log")), StandardCharsets.UTF_8);
        assertTrue(log.contains("KNOWN DEFAULT SECRETS IN USE"), "the test node's warning");
        assertTrue(log.contains("the messaging server 'default' joins the cluster with the published cluster password"
                + " 'it-cluster-secret'"), "the cluster password the node resolved");
        assertTrue(log.contains("the data source MM7DS connects to the database with the published password"
                + " 'postgres'"), "the database password the node resolved");
    }

    /** The roles of one security setting of a messaging server on node 1, as jboss-cli prints them. */
    private static String roles(String server, String address) throws Exception {
        File cli = new File(NODE_HOME, "bin/jboss-cli.sh");
        Process p = new ProcessBuilder(cli.getPath(), "--connect", "--controller=" + NODE1_CONTROLLER,
                "--command=/subsystem=messaging-activemq/server=" + server + "/security-setting=" + address
                        + ":read-children-resources(child-type=role)")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jboss-cli did not end");
        assertTrue(out.contains("\"outcome\" => \"success\""), server + " " + address + ": " + out);
        return out.substring(out.indexOf("\"result\""));
    }
}
