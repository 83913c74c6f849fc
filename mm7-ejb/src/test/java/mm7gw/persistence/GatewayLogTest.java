package mm7gw.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class GatewayLogTest {
    private static SQLException clash(String constraint) {
        return new SQLException("ERROR: duplicate key value violates unique constraint \"" + constraint + "\"", "23505");
    }

    @Test
    void aTransactionIdTakenMeanwhileIsTheExpectedRace() {
        assertTrue(GatewayLog.transactionIdTaken(new PersistenceException(new RuntimeException(
                clash("mm7_answered_submit_tx")))));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("Unique index or primary key violation: \"PUBLIC.MM7_ANSWERED_SUBMIT_TX"
                + "_INDEX_8 ON PUBLIC.MM7_ANSWERED_SUBMIT(VASP_ID, TRANSACTION_ID)\"", "23505"));
        assertTrue(GatewayLog.transactionIdTaken(new PersistenceException(batch)), "H2's words, in a batch");
    }

    @Test
    void anyOtherFailureIsNot() {
        assertFalse(GatewayLog.transactionIdTaken(null));
        assertFalse(GatewayLog.transactionIdTaken(new PersistenceException("no SQL state")));
        assertFalse(GatewayLog.transactionIdTaken(new PersistenceException(clash("mm7_message_pkey"))),
                "another unique key");
        assertFalse(GatewayLog.transactionIdTaken(new PersistenceException(new SQLException(
                "mm7_answered_submit_tx: deadlock detected", "40P01"))), "another state");
    }
}
