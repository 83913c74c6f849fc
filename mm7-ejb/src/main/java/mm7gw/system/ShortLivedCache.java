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
 * seen here within that time. A cache made with a bound keeps at most that many keys (when full, the expired ones
 * go, and everything if none has expired).
 */
public final class ShortLivedCache<K, V> {
    static final long KEEP_NANOS = Long.getLong("mm7.cache.millis", 1000) * 1_000_000L;

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    /** For few keys (VASPs, the served areas). */
    public ShortLivedCache() {
        this(Integer.MAX_VALUE);
    }

    public ShortLivedCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The value kept for the key, or the loader's (kept from now on); a null value is not kept. */
    public V get(K key, Function<K, V> loader) {
        V value = kept(key);
        if (value == null) {
            value = loader.apply(key);
            keep(key, value);
        }
        return value;
    }

    /** The value kept for the key, or null. */
    public V kept(K key) {
        Entry<V> e = entries.get(key);
        return e != null && e.expiresAt() - System.nanoTime() > 0 ? e.value() : null;
    }

    /** Keeps the value for the key from now on (a null value: nothing). */
    public void keep(K key, V value) {
        if (value == null || KEEP_NANOS <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAt() - now <= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now + KEEP_NANOS));
    }

    /** Forgets everything now and once more when the current transaction (if any) has completed. */
    public void clear() {
        nowAndAfterTransaction(entries::clear);
    }

    /**
     * Runs the forgetting now and once more when the current transaction (if any) has completed: a request that read
     * between the two cannot keep the value the transaction changed. Also for caches kept outside the application
     * (the realm's accounts, see {@code mm7gw.elytron.VaspAccounts}).
     */
    public static void nowAndAfterTransaction(Runnable forgetting) {
        forgetting.run();
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
                        forgetting.run();
                    }
                });
            }
        } catch (NamingException | IllegalStateException e) {
            // no transaction here: forgetting now is all there is to do
        }
    }
}
