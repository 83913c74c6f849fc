package mm7gw.elytron;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The VASP accounts as the realms read them: plain JDBC over the gateway's table mm7_vasp (the EJB module's
 * Vasp entity owns the schema). Failed logins are counted here, in the database, so a lock-out holds on
 * every node of a cluster. Uses nothing of Elytron: the Payara realm (mm7-payara-realm) reads the accounts and
 * counts failed logins through this class too.
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

    private final String dataSourceName;
    private final int maxFailures;
    private final long lockMillis;
    private volatile DataSource dataSource;

    /** config: data-source (JNDI name), max-failed-logins (5), lock-seconds (300) */
    public VaspAccounts(Map<String, String> config) {
        this.dataSourceName = config.getOrDefault("data-source", "java:jboss/datasources/MM7DS");
        this.maxFailures = Integer.parseInt(config.getOrDefault("max-failed-logins", "5"));
        this.lockMillis = Long.parseLong(config.getOrDefault("lock-seconds", "300")) * 1000L;
    }

    public Optional<Account> byLogin(String login) throws SQLException {
        return one("SELECT " + COLUMNS + "v.login = ?", login);
    }

    Optional<Account> byCertificateFingerprint(String sha256Hex) throws SQLException {
        return one("SELECT " + COLUMNS + "v.client_cert_sha256 = ?", sha256Hex);
    }

    /** Counts a failed login; the failure that reaches the threshold locks the account for the lock time. */
    public void failed(String login, long nowMillis) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE mm7_vasp SET failed_logins = failed_logins + 1, locked_until_ms = CASE WHEN failed_logins + 1 >= ?"
                        + " THEN ? ELSE locked_until_ms END WHERE login = ?")) {
            s.setInt(1, maxFailures);
            s.setLong(2, nowMillis + lockMillis);
            s.setString(3, login);
            s.executeUpdate();
        }
    }

    /** A successful login clears the failure count (writes only when there is something to clear). */
    public void succeeded(String login) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE mm7_vasp SET failed_logins = 0, locked_until_ms = 0 WHERE login = ?"
                        + " AND (failed_logins <> 0 OR locked_until_ms <> 0)")) {
            s.setString(1, login);
            s.executeUpdate();
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

    /** A connection to the database the accounts are in. */
    public Connection connection() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(dataSourceName);
            } catch (NamingException e) {
                throw new SQLException("data source " + dataSourceName + " is not available", e);
            }
            dataSource = ds;
        }
        return ds.getConnection();
    }
}
