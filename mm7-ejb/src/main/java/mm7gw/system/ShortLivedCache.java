package mm7gw.system;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Values read from the database on the hot path (a VASP's terms, the served areas) kept on this node for a short
 * time ({@code mm7.cache.millis}, default 1000; 0 keeps nothing), so that a burst of requests reads them once.
 * A change made through this node clears the cache at once, in its transaction and again when that commits (so no
 * request reading between the two keeps the old value); a change made through another node of a cluster is
 * seen here within that time.
 */
public final class ShortLivedCache<K, V> {
    static final long KEEP_NANOS = Long.getLong("mm7.cache.millis", 1000) * 1_000_000L;

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** The value kept for the key, or the loader's (kept from now on); a null value is not kept. */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAt() - now > 0) {
            return e.value();
        }
        V value = loader.apply(key);
        if (value != null && KEEP_NANOS > 0) {
            entries.put(key, new Entry<>(value, now + KEEP_NANOS));
        }
        return value;
    }

    /** Forgets everything now and once more when the current transaction (if any) has completed. */
    public void clear() {
        entries.clear();
        try {
            TransactionSynchronizationRegistry tx = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (tx.getTransactionStatus() == Status.STATUS_ACTIVE) {
                tx.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        entries.clear();
                    }
                });
            }
        } catch (NamingException | IllegalStateException e) {
            // no transaction here: clearing now is all there is to do
        }
    }
}
