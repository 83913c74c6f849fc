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
                pg = em.unwrap(Connection.class).getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                        .contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database: " + e.getMessage(), e);
            }
            postgresql = pg;
        }
        return pg;
    }
}
