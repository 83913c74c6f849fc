package mm7gw.elytron;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the realms read from the database for every request, kept on this node for a short time (system property
 * {@code mm7.cache.millis}, default 1000; 0 keeps nothing) and for at most a bounded number of keys, so that a VASP
 * sending request after request is read once per that time instead of on every request.
 * <p>
 * Forgetting is exact on this node: {@link #forget} and {@link #forgetAll} take effect for the next read, also
 * against a read that was under way while they ran (it started before the change and may have read the old row: its
 * answer is used for its own request but not kept). That is what the stamp is for: a reader takes it before going to
 * the database and hands it to {@link #keep}; a value read before a forgetting is dropped again.
 */
final class KeptReads<V> {
    static final long DEFAULT_KEEP_MILLIS = Long.getLong("mm7.cache.millis", 1000);

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgettings = new AtomicLong();
    private final long keepMillis;
    private final int maxEntries;

    KeptReads(long keepMillis, int maxEntries) {
        this.keepMillis = keepMillis;
        this.maxEntries = maxEntries;
    }

    /** To take before reading what {@link #keep} is then given. */
    long stamp() {
        return forgettings.get();
    }

    /** The value kept for the key and not yet expired, else null. */
    V get(String key, long nowMillis) {
        Entry<V> e = entries.get(key);
        return e == null || e.expiresAtMillis() <= nowMillis ? null : e.value();
    }

    /** Keeps the value read since {@code stamp} was taken, unless something was forgotten meanwhile. */
    void keep(String key, V value, long stamp, long nowMillis) {
        if (keepMillis <= 0 || stamp != forgettings.get()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiresAtMillis() <= nowMillis);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry<V> entry = new Entry<>(value, nowMillis + keepMillis);
        entries.put(key, entry);
        // a forgetting that began after the check above, and whose clearing may have run before the put
        if (stamp != forgettings.get()) {
            entries.remove(key, entry);
        }
    }

    void forget(String key) {
        forgettings.incrementAndGet();
        entries.remove(key);
    }

    void forgetAll() {
        forgettings.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
