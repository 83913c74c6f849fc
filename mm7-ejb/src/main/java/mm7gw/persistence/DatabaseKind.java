package mm7gw.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database the gateway's persistence unit runs on, for the few statements that differ: PostgreSQL, or H2
 * (the run command's and the tests' embedded database). Asked of the connection once and kept: the application has
 * one data source.
 */
public final class DatabaseKind {
    private static volatile Boolean postgresql;

    private DatabaseKind() {
    }

    /** Whether the persistence unit's database is PostgreSQL (asked of the connection the first time). */
    public static boolean postgresql(EntityManager em) {
        Boolean pg = postgresql;
        if (pg == null) {
            try {
                pg = postgresql(em.unwrap(Connection.class).getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database: " + e.getMessage(), e);
            }
            postgresql = pg;
        }
        return pg;
    }

    /** Whether a database is PostgreSQL, by the product name its JDBC driver reports (else H2). */
    public static boolean postgresql(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * For the rest of the transaction, PostgreSQL reads indexes in their order instead of as bitmaps (no-op on H2).
     * For look-ups of rows that are updated out of the index soon after they are written (the unnumbered charging
     * events): each update leaves the old version's entry behind until a vacuum removes it. A bitmap scan visits every
     * such entry each time and marks none; an index scan marks those of removed versions dead as it passes them, so
     * the next one skips them. Without statistics the planner chose the bitmap (25-42 ms per look-up at 257,000 old
     * entries, against 1.6 ms for the index scan after one pass).
     */
    public static void preferIndexScans(EntityManager em) {
        if (postgresql(em)) {
            em.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
        }
    }
}
