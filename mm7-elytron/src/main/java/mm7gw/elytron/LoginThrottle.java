package mm7gw.elytron;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Failed logins counted per account and source address (table mm7_login_failure), so that a stranger guessing a
 * VASP's password blocks only himself, never the VASP calling from its own address. The first
 * max-failed-logins failures in a row are free; each further one blocks the pair for lock-seconds, doubled with
 * every failure up to max-lock-seconds. Attempts while blocked are refused without being counted (the right
 * password included), so a block always ends on time; a success clears the pair; a pair whose last failure is
 * older than forget-seconds starts again from zero. Plain JDBC and no Elytron: the Payara realm uses it too.
 * Each setting may be overridden by the system property {@code mm7.login.<key>} (the integration tests shorten
 * the blocks).
 * <p>
 * That a pair has no failure at all, the answer for nearly every request, is kept on this node for
 * {@code mm7.cache.millis} (see {@link KeptReads}); a pair with failures is read on every check. A failure counted on
 * this node forgets the pair's kept answer once its row is written, so a block recorded here applies to the pair's
 * next request; a failure counted on another node of a cluster is seen here once the kept answer expires.
 */
public final class LoginThrottle {
    /** The source of a login whose client address the realm cannot see. */
    public static final String UNKNOWN_SOURCE = "unknown";

    /**
     * The pair this thread's last {@link #blocked} check found without a row: its success then needs no DELETE (the
     * check and the success of one login run on the request's thread). Saves a statement on every MM7 request.
     */
    private static final ThreadLocal<String> CHECKED_WITHOUT_ROW = new ThreadLocal<>();

    /** the pairs found without a failure row, by {@link #pair} */
    private static final KeptReads<String, Boolean> WITHOUT_FAILURES = new KeptReads<>(10_000);

    private final VaspAccounts database;
    private final int freeFailures;
    private final long firstBlockMillis;
    private final long maxBlockMillis;
    private final long forgetMillis;

    /** config: data-source, max-failed-logins (5), lock-seconds (30), max-lock-seconds (3600), forget-seconds (86400) */
    public LoginThrottle(Map<String, String> config) {
        this.database = new VaspAccounts(config);
        this.freeFailures = Integer.parseInt(setting(config, "max-failed-logins", "5"));
        this.firstBlockMillis = Long.parseLong(setting(config, "lock-seconds", "30")) * 1000L;
        this.maxBlockMillis = Math.max(firstBlockMillis,
                Long.parseLong(setting(config, "max-lock-seconds", "3600")) * 1000L);
        this.forgetMillis = Long.parseLong(setting(config, "forget-seconds", "86400")) * 1000L;
    }

    private static String setting(Map<String, String> config, String key, String fallback) {
        return System.getProperty("mm7.login." + key, config.getOrDefault(key, fallback));
    }

    /** How long a pair is blocked after its n-th failure in a row (0: not blocked). */
    long blockMillisAfter(int failures) {
        if (failures < freeFailures) {
            return 0;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        return Math.min(maxBlockMillis, firstBlockMillis << doublings);
    }

    public boolean blocked(String kind, String login, String source, long nowMillis) throws SQLException {
        String pair = pair(kind, login, source);
        if (WITHOUT_FAILURES.kept(pair) != null) {
            CHECKED_WITHOUT_ROW.set(pair);
            return false;
        }
        long stamp = WITHOUT_FAILURES.stamp();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT blocked_until_ms FROM mm7_login_failure WHERE account_kind = ? AND login = ? AND source = ?")) {
            bind(s, 1, kind, login, source);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    CHECKED_WITHOUT_ROW.set(pair);
                    WITHOUT_FAILURES.keep(pair, Boolean.TRUE, stamp);
                    return false;
                }
                CHECKED_WITHOUT_ROW.remove();
                return r.getLong(1) > nowMillis;
            }
        }
    }

    /** Counts a failure of the pair, unless it is blocked right now (then the attempt was refused unchecked). */
    public void failed(String kind, String login, String source, long nowMillis) throws SQLException {
        CHECKED_WITHOUT_ROW.remove();
        try {
            count(kind, login, source, nowMillis);
        } finally {
            // after the row is written: a check that read the pair before it cannot keep its answer either
            WITHOUT_FAILURES.forget(pair(kind, login, source));
        }
    }

    private void count(String kind, String login, String source, long nowMillis) throws SQLException {
        try (Connection c = database.connection()) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Integer failures = null;
                long blockedUntil = 0;
                long lastFailure = 0;
                try (PreparedStatement s = c.prepareStatement("SELECT failures, blocked_until_ms, last_failure_ms"
                        + " FROM mm7_login_failure WHERE account_kind = ? AND login = ? AND source = ?")) {
                    bind(s, 1, kind, login, source);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            failures = r.getInt(1);
                            blockedUntil = r.getLong(2);
                            lastFailure = r.getLong(3);
                        }
                    }
                }
                if (blockedUntil > nowMillis) {
                    return;
                }
                if (failures == null) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO mm7_login_failure (account_kind, login,"
                            + " source, failures, blocked_until_ms, last_failure_ms) VALUES (?, ?, ?, 1, ?, ?)")) {
                        bind(s, 1, kind, login, source);
                        long block = blockMillisAfter(1);
                        s.setLong(4, block == 0 ? 0 : nowMillis + block);
                        s.setLong(5, nowMillis);
                        s.executeUpdate();
                        return;
                    } catch (SQLException insertedMeanwhile) {
                        continue; // another request of the same pair inserted first: count on its row
                    }
                }
                int next = nowMillis - lastFailure > forgetMillis ? 1 : failures + 1;
                long block = blockMillisAfter(next);
                try (PreparedStatement s = c.prepareStatement("UPDATE mm7_login_failure SET failures = ?,"
                        + " blocked_until_ms = ?, last_failure_ms = ? WHERE account_kind = ? AND login = ? AND source = ?"
                        + " AND failures = ?")) {
                    s.setInt(1, next);
                    s.setLong(2, block == 0 ? 0 : nowMillis + block);
                    s.setLong(3, nowMillis);
                    bind(s, 4, kind, login, source);
                    s.setInt(7, failures);
                    if (s.executeUpdate() == 1) {
                        return;
                    }
                }
            }
        }
    }

    /** A successful login: the pair starts again from zero. */
    public void succeeded(String kind, String login, String source) throws SQLException {
        String checked = CHECKED_WITHOUT_ROW.get();
        CHECKED_WITHOUT_ROW.remove();
        if (pair(kind, login, source).equals(checked)) {
            return; // nothing to clear: the check just before found no failure of the pair
        }
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM mm7_login_failure WHERE account_kind = ? AND login = ? AND source = ?")) {
            bind(s, 1, kind, login, source);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, int first, String kind, String login, String source)
            throws SQLException {
        s.setString(first, kind);
        s.setString(first + 1, login);
        s.setString(first + 2, source == null ? UNKNOWN_SOURCE : truncate(source));
    }

    private static String pair(String kind, String login, String source) {
        return kind + '\n' + login + '\n' + (source == null ? UNKNOWN_SOURCE : truncate(source));
    }

    private static String truncate(String source) {
        return source.length() <= 64 ? source : source.substring(0, 64);
    }
}
