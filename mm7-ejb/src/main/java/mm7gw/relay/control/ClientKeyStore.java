package mm7gw.relay.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import mm7gw.relay.entity.RelayEndpoint;
import mm7gw.system.ServerSecret;

/**
 * The gateway's own TLS client certificate, presented to the VASPs whose relay endpoint asks for it (TS 23.140
 * §7.1.11.1: "the VASP may authenticate the MMS Relay/Server"). A PKCS12 key store named by the system property
 * {@value #PATH} and opened with {@value #PASSWORD_ENVIRONMENT} (environment) or {@value #PASSWORD}, holding exactly one private key with its certificate chain.
 * It is read once, at its first use, and read again only when one of the two properties changes (a renewed key pair
 * takes a new file name, or a restart). Without it no endpoint can be set to present a client certificate.
 */
@ApplicationScoped
public class ClientKeyStore {
    public static final String PATH = "mm7.relay.client-keystore";
    public static final String PASSWORD = "mm7.relay.client-keystore-password";
    /** the key store's password in the server's environment, read before {@value #PASSWORD} */
    public static final String PASSWORD_ENVIRONMENT = "MM7_RELAY_CLIENT_KEYSTORE_PASSWORD";

    private volatile Loaded loaded;

    /** The key store as read for one pair of property values: its key managers and certificate, or what is wrong. */
    private record Loaded(String path, String password, KeyManager[] keyManagers, String certificate,
            String problem) {
    }

    /** Why the gateway cannot present its client certificate, as an administrator should read it; empty: it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(current().problem());
    }

    /** The certificate presented (subject, issuer, end of validity); empty when there is none to present. */
    public Optional<String> certificate() {
        return Optional.ofNullable(current().certificate());
    }

    /**
     * The key managers presenting the gateway's certificate to this endpoint; null when the endpoint is not set to
     * present it. IllegalStateException, saying why, when it is but the gateway has none to present.
     */
    KeyManager[] keyManagersFor(RelayEndpoint endpoint) {
        if (!endpoint.clientCertificate()) {
            return null;
        }
        Loaded l = current();
        if (l.keyManagers() == null) {
            throw new IllegalStateException("the relay endpoint is set to present the gateway's TLS client"
                    + " certificate, but " + l.problem());
        }
        return l.keyManagers();
    }

    private Loaded current() {
        String path = System.getProperty(PATH);
        String password = ServerSecret.read(PASSWORD_ENVIRONMENT, PASSWORD);
        Loaded l = loaded;
        if (l == null || !Objects.equals(l.path(), path) || !Objects.equals(l.password(), password)) {
            l = load(path, password);
            loaded = l;
        }
        return l;
    }

    private static Loaded load(String path, String password) {
        if (path == null || path.isBlank()) {
            return new Loaded(path, password, null, null, "the gateway has no TLS client certificate of its own: no"
                    + " key store is configured (system properties " + PATH + ", a PKCS12 file with the gateway's key"
                    + " pair, and " + PASSWORD + ")");
        }
        if (password == null) {
            return new Loaded(path, null, null, null, "the gateway's client key store " + path + " (" + PATH
                    + ") has no password: set the system property " + PASSWORD);
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
            if (keys.size() != 1) {
                return new Loaded(path, password, null, null, "the gateway's client key store " + path + " ("
                        + PATH + ") holds " + keys.size() + " private keys; it must hold exactly one, the gateway's");
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(keys.get(0));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password.toCharArray());
            return new Loaded(path, password, factory.getKeyManagers(), certificate.getSubjectX500Principal().getName()
                    + " (issuer " + certificate.getIssuerX500Principal().getName() + ", valid until "
                    + certificate.getNotAfter().toInstant() + ")", null);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return new Loaded(path, password, null, null, "the gateway's client key store " + path + " (" + PATH
                    + ") cannot be read: " + e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
