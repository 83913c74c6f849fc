package mm7gw.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
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
            found.add("mm7.admin.initial-password is the known password '" + initialAdminPassword
                    + "': give the first administrator a password of your own");
        }
        if (relayKey != null && RELAY_KEYS.contains(relayKey)) {
            found.add("mm7.relay.secret-key is the known value '" + relayKey
                    + "': set a secret of your own (outbound passwords stored under it must then be set again)");
        }
        if (clientStorePassword != null && CLIENT_KEY_STORE_PASSWORDS.contains(clientStorePassword)) {
            found.add("mm7.relay.client-keystore-password is the known value '" + clientStorePassword
                    + "': give the gateway's client key store (mm7.relay.client-keystore) a key pair and password of"
                    + " your own");
        }
        if (configDir != null && opensWithDefault(Path.of(configDir, TLS_KEY_STORE))) {
            found.add(TLS_KEY_STORE + " opens with tls.cli's store password '" + TLS_STORE_PASSWORD
                    + "': put a key store of your own there, its password in a credential store (tls.cli)");
        }
        return found;
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
