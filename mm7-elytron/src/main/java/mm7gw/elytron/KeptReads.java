package mm7gw.elytron;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What is read from the database for nearly every request, kept on this node for a short time (system property
 * {@code mm7.cache.millis}, default 1000, read at every keep; 0 keeps nothing) and for at most a bounded number of
 * keys (when full, the expired ones go, and everything if none has expired), so that a VASP sending request after
 * request is read once per that time instead of on every request. The realms keep their accounts and logins without
 * failures here ({@link VaspAccounts}, {@link LoginThrottle}); the application, which sees this class of the server
 * module (WildFly) or the domain's lib (Payara), keeps its admission views, served areas, subscribers and
 * administrators' credential stamps in it too. A null value is never kept.
 * <p>
 * Forgetting is exact on this node: {@link #forget} and {@link #forgetAll} take effect for the next read, also
 * against a read that was under way while they ran (it started before the change and may have read the old row: its
 * answer is used for its own request but not kept). That is what the stamp is for: a reader takes it before going to
 * the database and hands it to {@link #keep}; a value read before a forgetting is dropped again. {@link #get} does
 * that itself.
 */
public final class KeptReads<K, V> {
    private static final LongSupplier KEEP_MILLIS = () -> Long.getLong("mm7.cache.millis", 1000);
    private static final LongSupplier MONOTONIC_MILLIS = () -> System.nanoTime() / 1_000_000L;

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgettings = new AtomicLong();
    private final LongSupplier keepMillis;
    private final LongSupplier clockMillis;
    private final int maxEntries;

    /** For few keys (the VASPs, the served areas). */
    public KeptReads() {
        this(Integer.MAX_VALUE);
    }

    public KeptReads(int maxEntries) {
        this(KEEP_MILLIS, maxEntries, MONOTONIC_MILLIS);
    }

    /** For the tests: the keep time and the clock given. */
    KeptReads(LongSupplier keepMillis, int maxEntries, LongSupplier clockMillis) {
        this.keepMillis = keepMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
    }

    /** Reads the value of a key from where it is kept for good; null when there is none. */
    @FunctionalInterface
    public interface Reader<K, V, X extends Exception> {
        V read(K key) throws X;
    }

    /** The value kept for the key, or the loader's, kept from now on unless a forgetting ran while it loaded. */
    public V get(K key, Function<K, V> loader) {
        return read(key, loader::apply);
    }

    /** {@link #get} for a reader that may fail (a JDBC read): its failure reaches the caller, and nothing is kept. */
    public <X extends Exception> V read(K key, Reader<K, V, X> reader) throws X {
        V value = kept(key);
        if (value == null) {
            long stamp = stamp();
            value = reader.read(key);
            keep(key, value, stamp);
        }
        return value;
    }

    /** To take before reading what {@link #keep} is then given. */
    public long stamp() {
        return forgettings.get();
    }

    /** The value kept for the key and not yet expired, else null. */
    public V kept(K key) {
        Entry<V> e = entries.get(key);
        return e == null || e.expiresAtMillis() - clockMillis.getAsLong() <= 0 ? null : e.value();
    }

    /** Keeps the value read since {@code stamp} was taken, unless something was forgotten meanwhile (or it is null). */
    public void keep(K key, V value, long stamp) {
        if (value == null || stamp != forgettings.get()) {
            return;
        }
        long keep = keepMillis.getAsLong();
        if (keep <= 0) {
            return;
        }
        long now = clockMillis.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis() - now <= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry<V> entry = new Entry<>(value, now + keep);
        entries.put(key, entry);
        // a forgetting that began after the check above, and whose clearing may have run before the put
        if (stamp != forgettings.get()) {
            entries.remove(key, entry);
        }
    }

    public void forget(K key) {
        forgettings.incrementAndGet();
        entries.remove(key);
    }

    public void forgetAll() {
        forgettings.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
