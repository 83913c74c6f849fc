package mm7gw.system;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What the gateway runs on, for admins and for the test report (which database ran). */
@Stateless
@RolesAllowed("admin")
public class SystemInformation {
    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    public record Info(String database, String databaseVersion, String jdbcUrl, String javaVersion) {
    }

    public Info info() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            return new Info(md.getDatabaseProductName(), md.getDatabaseProductVersion(), md.getURL(),
                    System.getProperty("java.version"));
        } catch (SQLException e) {
            throw new IllegalStateException("database not reachable: " + e.getMessage(), e);
        }
    }
}
