package mm7gw.elytron;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The VASP accounts as the realms read them: plain JDBC over the gateway's table mm7_vasp (the EJB module's
 * Vasp entity owns the schema). Uses nothing of Elytron: Payara's authentication module (mm7-payara-realm) reads the
 * accounts through this class too. Failed logins are counted by {@link LoginThrottle}.
 * <p>
 * An account found is kept on this node for {@code mm7.cache.millis} (see {@link KeptReads}), by login and by
 * certificate fingerprint, for every realm of this class loader: the server module on WildFly, the domain's lib on
 * Payara, where the application sees the same class. The application calls {@link #forgetKept} when it changes a
 * VASP or a service level, so a change made through this node applies to the next request; one made through another
 * node of a cluster is seen here once the kept account expires.
 */
public final class VaspAccounts {
    /** One account's authentication data; hashes and fingerprints only, never a password. */
    public record Account(String login, String bcryptHash, String digestMd5, String digestSha256,
            long lockedUntilMillis, String allowedClientNetworks, boolean tlsRequired) {
        public boolean lockedAt(long nowMillis) {
            return lockedUntilMillis > nowMillis;
        }
    }

    /**
     * the account, the allowed client networks of its VASP-wide service level (null: any) and whether that level
     * requires TLS
     */
    private static final String COLUMNS = "v.login, v.password_hash, v.digest_md5_ha1, v.digest_sha256_ha1,"
            + " v.locked_until_ms, l.allowed_client_networks, l.tls_required FROM mm7_vasp v LEFT JOIN mm7_service_level l"
            + " ON l.vasp = v.id AND l.vas_id IS NULL WHERE ";

    /** accounts found, by "login:" plus login and by "cert:" plus fingerprint */
    private static final KeptReads<String, Account> KEPT = new KeptReads<>(10_000);

    private final String dataSourceName;

    /** config: data-source (JNDI name) */
    public VaspAccounts(Map<String, String> config) {
        this.dataSourceName = config.getOrDefault("data-source", "java:jboss/datasources/MM7DS");
    }

    public Optional<Account> byLogin(String login) throws SQLException {
        return kept("login:" + login, "v.login = ?", login);
    }

    public Optional<Account> byCertificateFingerprint(String sha256Hex) throws SQLException {
        return kept("cert:" + sha256Hex, "v.client_cert_sha256 = ?", sha256Hex);
    }

    /**
     * Forgets every account kept on this node, for the next request to read them again: to be called by whatever
     * changes a column read here (the account's credentials, certificate or lock, its VASP-wide service level), once
     * the change is made and again once it is committed.
     */
    public static void forgetKept() {
        KEPT.forgetAll();
    }

    /** An account not found is not kept: a VASP registered through any node can log in at once. */
    private Optional<Account> kept(String key, String condition, String value) throws SQLException {
        return Optional.ofNullable(KEPT.read(key, k -> one("SELECT " + COLUMNS + condition, value).orElse(null)));
    }

    /** Lower-case hex SHA-256 of the DER encoding: the same value the admin API stores for a registered certificate. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Account> one(String sql, String key) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getLong(5), r.getString(6), r.getBoolean(7)));
            }
        }
    }

    /**
     * A connection to the database the accounts are in, from the data source the name refers to now: looked up for
     * every connection, not kept, since the pool may be re-created while the server runs (Payara: {@code payara.sh
     * database}, or an administrator changing the pool), and a reference to the old one then allocates with the
     * old pool's factory (RAR7099 for every connection, and at times "No password credential found"). The realm
     * reads the database only when it keeps nothing for the login, so the look-up costs little.
     */
    public Connection connection() throws SQLException {
        DataSource ds;
        try {
            ds = (DataSource) new InitialContext().lookup(dataSourceName);
        } catch (NamingException e) {
            throw new SQLException("data source " + dataSourceName + " is not available", e);
        }
        return ds.getConnection();
    }
}
