package mm7gw.system;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * How a change made through this node reaches what the node keeps of the database ({@code mm7gw.elytron.KeptReads}:
 * the admission views, served areas, subscribers, administrators' credential stamps, and the realm's accounts):
 * forgotten at once, for the transaction's own later reads, and once more when the transaction has completed. A
 * request that read the old row before the commit cannot keep it then: the second forgetting changes the stamp its
 * read was taken under.
 */
public final class Forgetting {
    private Forgetting() {
    }

    /**
     * Runs the forgetting now and once more when the current transaction (if any) has completed; the second only once
     * per transaction for the same forgetting (pass a constant for a change that fires for several entities).
     */
    public static void nowAndAfterTransaction(Runnable forgetting) {
        forgetting.run();
        try {
            TransactionSynchronizationRegistry tx = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (tx.getTransactionStatus() != Status.STATUS_ACTIVE || tx.getResource(forgetting) != null) {
                return;
            }
            tx.putResource(forgetting, Boolean.TRUE);
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forgetting.run();
                }
            });
        } catch (NamingException | IllegalStateException e) {
            // no transaction here: forgetting now is all there is to do
        }
    }
}
