package mm7gw.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that follows a transaction only if it commits: registered once per transaction (under a key of the caller's),
 * run by the transaction manager after the commit, on the committing thread; nothing is run after a rollback.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    /** Registers the action with the current transaction unless one was registered under the key already. */
    public static void once(TransactionSynchronizationRegistry transaction, Object key, Runnable action) {
        if (transaction.getResource(key) == null) {
            transaction.putResource(key, Boolean.TRUE);
            register(transaction, action);
        }
    }

    /** Registers the action with the current transaction. */
    public static void register(TransactionSynchronizationRegistry transaction, Runnable action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
