package mm7gw.persistence;

import java.sql.SQLException;
import java.util.Locale;
import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's log through java.util.logging ({@code eclipselink.logging.logger} in persistence.xml), less one
 * expected outcome: a kept answer's clash on the unique key of VASP and TransactionID ({@value #ANSWERED_SUBMIT_TX}).
 * A copy of a submit, sent through another node, took the TransactionID first; the caller turns the clash into the
 * other node's answer ({@code Acceptance.TransactionIdTaken}), so it is not a failure, and EclipseLink would log it as
 * a WARNING with a stack trace of some 200 lines. Everything else, other unique keys' clashes included, is logged
 * as before.
 */
public class GatewayLog extends JavaLog {
    static final String ANSWERED_SUBMIT_TX = "mm7_answered_submit_tx";

    @Override
    public void log(SessionLogEntry entry) {
        if (!transactionIdTaken(entry.getException())) {
            super.log(entry);
        }
    }

    /** Whether the failure is the unique-key clash of a TransactionID taken meanwhile (SQLState 23505, that key). */
    public static boolean transactionIdTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if ("23505".equals(e.getSQLState()) && e.getMessage() != null
                            && e.getMessage().toLowerCase(Locale.ROOT).contains(ANSWERED_SUBMIT_TX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
