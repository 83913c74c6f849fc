package mm7gw.datasource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LostConnectionSorterTest {

    private final LostConnectionSorter sorter = new LostConnectionSorter();

    @Test
    void aBackendEndedWhileIdleIsLostAtItsFirstAndEveryLaterUse() {
        // what pgjdbc throws at the first statement after pg_terminate_backend, then at every later one
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        terminated.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(sorter.isExceptionFatal(terminated));
        assertTrue(sorter.isExceptionFatal(new SQLException("This connection has been closed.", "08003")));
    }

    @Test
    void theServerGoingAwayAndConnectionExceptionsAreLost() {
        for (String state : new String[] {"08006", "08001", "08P01", "57P01", "57P02", "57P03"}) {
            assertTrue(sorter.isExceptionFatal(new SQLException("x", state)), state);
        }
        SQLException wrapped = new SQLException("batch failed", "42P01");
        wrapped.setNextException(new SQLException("x", "57P02"));
        assertTrue(sorter.isExceptionFatal(wrapped), "a lost connection further down the chain");
    }

    @Test
    void errorsOfTheStatementKeepTheConnection() {
        for (String state : new String[] {"23505", "40001", "40P01", "57014", "55P03", "25P02", "42P01"}) {
            assertFalse(sorter.isExceptionFatal(new SQLException("x", state)), state);
        }
        assertFalse(sorter.isExceptionFatal(new SQLException("no state")));
    }
}
