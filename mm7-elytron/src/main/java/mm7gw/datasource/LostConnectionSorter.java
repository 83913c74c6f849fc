package mm7gw.datasource;

import java.io.Serializable;
import java.sql.SQLException;
import org.jboss.jca.adapters.jdbc.spi.ExceptionSorter;

/**
 * MM7DS's exception sorter on PostgreSQL (server-config/datasource-postgresql.cli): tells IronJacamar that the
 * connection an exception came from is lost, so that the pool destroys it instead of handing it out again. Lost
 * means an SQLState of class 08 (connection exception: 08006 the socket failed, 08003 pgjdbc closed the connection
 * at an earlier error) or the server ending the backend (57P01 administrator command or shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now). A backend ended while the connection was idle in the pool surfaces at the
 * next statement as 57P01 with the 08006 of the closed socket as its next exception, then as 08003 at every later
 * use; IronJacamar's PostgreSQLExceptionSorter only knows 08006 at the head of the chain and so kept such a
 * connection in the pool. With this sorter the pool needs no validation statement when a connection is taken.
 */
public class LostConnectionSorter implements ExceptionSorter, Serializable {

    private static final long serialVersionUID = 1L;

    /** pgjdbc chains two or three; a longer chain is not walked to its end. */
    private static final int CHAIN_LOOKED_AT = 8;

    @Override
    public boolean isExceptionFatal(SQLException e) {
        SQLException link = e;
        for (int i = 0; link != null && i < CHAIN_LOOKED_AT; i++, link = link.getNextException()) {
            if (lost(link.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
