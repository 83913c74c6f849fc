package mm7gw.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSecretsTest {

    @Test
    void databasePasswordsTheScriptsDefaultToAndNoneAreFound() {
        assertTrue(DefaultSecrets.database("MM7DS", "postgres").get(0).contains("published password 'postgres'"));
        assertTrue(DefaultSecrets.database("MM7DS", "sa").get(0).contains("H2"));
        assertTrue(DefaultSecrets.database("MM7DS", "").get(0).contains("without a password"));
        assertTrue(DefaultSecrets.database("MM7DS", "s3cret-of-ours").isEmpty());
        assertTrue(DefaultSecrets.database("MM7DS", null).isEmpty(), "a credential store: not seen, not refused");
    }

    @Test
    void clusterPasswordsOfClusteredServers() {
        List<String> found = DefaultSecrets.cluster(Map.of("default", "CHANGE ME!!", "backup", "ours-and-long"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("'default'") && found.get(0).contains("MM7_CLUSTER_PASSWORD"), found.get(0));
    }

    @Test
    void applicationRealmUsersWithPublishedPasswords(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("application-users.properties");
        // as bin/add-user.sh writes them: HEX(MD5(user:ApplicationRealm:password)); it-billing-secret, it-guest-secret
        Files.writeString(users, "#$REALM_NAME=ApplicationRealm$\n# comment\nit-billing=e541431989163cb9926be66c0b41180b\n"
                + "it-guest=41f49e8d2038d5eca287bba03691c4d2\nother=00000000000000000000000000000000\n",
                StandardCharsets.UTF_8);
        List<String> found = DefaultSecrets.applicationUsers(users);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).contains("'it-billing'") && found.get(0).contains("'it-billing-secret'"), found.get(0));
        assertTrue(found.get(1).contains("'it-guest'") && found.get(1).contains("add-user.sh -a -u it-guest"), found.get(1));
        assertTrue(DefaultSecrets.applicationUsers(dir.resolve("missing")).isEmpty());
    }

    @Test
    void theAdministratorsPasswordIsNeverQuoted() {
        List<String> found = DefaultSecrets.configured("admin-demo", null, null, null);
        assertEquals(1, found.size());
        assertTrue(!found.get(0).contains("admin-demo") && found.get(0).contains("mm7.admin.initial-password"),
                found.get(0));
    }
}
