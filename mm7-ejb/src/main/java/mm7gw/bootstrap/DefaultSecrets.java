package mm7gw.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secrets this project itself writes down (run command, test servers, server-config scripts): anybody can read
 * them, so a production server must not keep them. {@link Bootstrap} checks for them at start-up.
 */
public final class DefaultSecrets {
    /** lets a server start with known default secrets anyway (test servers, bench, cluster test nodes) */
    static final String ALLOWED = "mm7.secrets.known-defaults-allowed";
    /** administrator passwords of the run command and the test servers, and the obvious ones */
    static final Set<String> ADMIN_PASSWORDS = Set.of("admin-demo", "it-admin-secret", "admin", "password", "changeit");
    /** relay keys of the test servers and the run commands */
    static final Set<String> RELAY_KEYS = Set.of("it-relay-key-not-for-production", "demo-relay-key-not-for-production");
    /**
     * passwords of the gateway's client key store ({@code mm7.relay.client-keystore-password}) the test servers use,
     * and the obvious ones
     */
    static final Set<String> CLIENT_KEY_STORE_PASSWORDS = Set.of("it-relay-client-not-for-production",
            "mm7-gateway-tls", "changeit", "password");
    /** the store password tls.cli gives the TLS key store (WildFly) */
    static final String TLS_STORE_PASSWORD = "mm7-gateway-tls";
    static final String TLS_KEY_STORE = "mm7-tls.p12";
    /**
     * database passwords the scripts default to (datasource-postgresql.cli and payara.sh: postgres; datasource-h2.cli:
     * sa), and none at all
     */
    static final Set<String> DATABASE_PASSWORDS = Set.of("postgres", "sa", "");
    /** WildFly's default cluster password (cluster-node.cli keeps it as its default) and the cluster test's */
    static final Set<String> CLUSTER_PASSWORDS = Set.of("CHANGE ME!!", "it-cluster-secret", "");
    /**
     * passwords of broker accounts the project writes down: the test servers' billing subscriber and guest
     * (src-it), payara.sh's default for the gateway's own broker account
     */
    static final Set<String> BROKER_ACCOUNT_PASSWORDS = Set.of("it-billing-secret", "it-guest-secret",
            "mm7-gateway-secret", "");
    /** WildFly's file of ApplicationRealm users (remote messaging clients such as billing authenticate there) */
    static final String APPLICATION_USERS = "application-users.properties";

    private DefaultSecrets() {
    }

    /** Whether a password is one this project publishes (an administrator may not choose it). */
    public static boolean published(String password) {
        return ADMIN_PASSWORDS.contains(password) || RELAY_KEYS.contains(password)
                || CLIENT_KEY_STORE_PASSWORDS.contains(password) || TLS_STORE_PASSWORD.equals(password);
    }

    /**
     * @param initialAdminPassword {@code mm7.admin.initial-password}, or null
     * @param relayKey             {@code mm7.relay.secret-key}, or null
     * @param clientStorePassword  {@code mm7.relay.client-keystore-password}, or null
     * @param configDir            WildFly's configuration directory ({@code jboss.server.config.dir}), or null
     * @return each known default set for this server, as a sentence saying which and what to do instead
     */
    static List<String> configured(String initialAdminPassword, String relayKey, String clientStorePassword,
            String configDir) {
        List<String> found = new ArrayList<>();
        if (initialAdminPassword != null && ADMIN_PASSWORDS.contains(initialAdminPassword)) {
            // not quoted: an administrator's password is never written to a log, a published one neither
            found.add("mm7.admin.initial-password (or MM7_ADMIN_INITIAL_PASSWORD) is a password this project publishes"
                    + " (run command, test servers): give the first administrator a password of your own");
        }
        if (relayKey != null && RELAY_KEYS.contains(relayKey)) {
            found.add("mm7.relay.secret-key (or MM7_RELAY_SECRET_KEY) is the known value '" + relayKey
                    + "': set a secret of your own (outbound passwords stored under it must then be set again)");
        }
        if (clientStorePassword != null && CLIENT_KEY_STORE_PASSWORDS.contains(clientStorePassword)) {
            found.add("mm7.relay.client-keystore-password (or MM7_RELAY_CLIENT_KEYSTORE_PASSWORD) is the known value '"
                    + clientStorePassword
                    + "': give the gateway's client key store (mm7.relay.client-keystore) a key pair and password of"
                    + " your own");
        }
        if (configDir != null && opensWithDefault(Path.of(configDir, TLS_KEY_STORE))) {
            found.add(TLS_KEY_STORE + " opens with tls.cli's store password '" + TLS_STORE_PASSWORD
                    + "': put a key store of your own there, its password in a credential store (tls.cli)");
        }
        return found;
    }

    /**
     * @param dataSourcePassword the gateway data source's password as the server resolved it ("" for none), or null
     *                           where it cannot be seen (a credential store, or not WildFly)
     * @return the finding, if that password is one this project publishes
     */
    static List<String> database(String dataSource, String dataSourcePassword) {
        if (dataSourcePassword == null || !DATABASE_PASSWORDS.contains(dataSourcePassword)) {
            return List.of();
        }
        String which = dataSourcePassword.isEmpty() ? "without a password"
                : "with the published password '" + dataSourcePassword + "'";
        String h2 = "sa".equals(dataSourcePassword)
                ? " (H2, datasource-h2.cli, is for the run command and tests: use PostgreSQL, datasource-postgresql.cli)"
                : "";
        return List.of("the data source " + dataSource + " connects to the database " + which + h2 + ": give the"
                + " database user a password of your own and set it in the environment variable MM7_DB_PASSWORD (or"
                + " the system property mm7.db.password) of the server, or a credential-reference to WildFly's"
                + " credential store in place of the data source's password");
    }

    /**
     * @param clusterPasswords each messaging server that is in a cluster (has a cluster connection), with its cluster
     *                         password as the server resolved it
     */
    static List<String> cluster(Map<String, String> clusterPasswords) {
        List<String> found = new ArrayList<>();
        clusterPasswords.forEach((server, password) -> {
            if (password != null && CLUSTER_PASSWORDS.contains(password)) {
                found.add("the messaging server '" + server + "' joins the cluster with "
                        + (password.isEmpty() ? "an empty cluster password" : "the published cluster password '"
                                + password + "'")
                        + ": set one secret of your own on every node, in the environment variable"
                        + " MM7_CLUSTER_PASSWORD (or the system property jboss.messaging.cluster.password; read by"
                        + " cluster-node.cli's cluster-password expressions)");
            }
        });
        return found;
    }

    /**
     * WildFly's ApplicationRealm users (the broker accounts of remote messaging clients, e.g. billing's) whose
     * password is one this project publishes. The file holds HEX(MD5(user:realm:password)) per user.
     */
    static List<String> applicationUsers(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            String realm = "ApplicationRealm";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.trim();
                if (l.startsWith("#$REALM_NAME=") && l.endsWith("$")) {
                    realm = l.substring("#$REALM_NAME=".length(), l.length() - 1);
                }
                int eq = l.indexOf('=');
                if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                    continue;
                }
                String user = l.substring(0, eq).trim();
                String hash = l.substring(eq + 1).trim();
                for (String published : BROKER_ACCOUNT_PASSWORDS) {
                    if (hash.equalsIgnoreCase(md5Hex(user + ":" + realm + ":" + published))) {
                        found.add("the " + realm + " user '" + user + "' (" + APPLICATION_USERS + ", the accounts"
                                + " of remote messaging clients such as billing) has " + (published.isEmpty()
                                        ? "an empty password" : "the published password '" + published + "'")
                                + ": give it a password of your own with bin/add-user.sh -a -u " + user
                                + " (or remove the user from the file)");
                    }
                }
            }
        } catch (IOException e) {
            found.add(file + " cannot be read (" + e.getMessage() + "): check its broker accounts");
        }
        return found;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean opensWithDefault(Path store) {
        if (!Files.isReadable(store)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore.getInstance("PKCS12").load(in, TLS_STORE_PASSWORD.toCharArray());
            return true;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }
}
