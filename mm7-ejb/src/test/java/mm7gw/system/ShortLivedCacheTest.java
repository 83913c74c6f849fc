package mm7gw.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedCacheTest {
    @Test
    void aValueIsLoadedOnceWhileKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>();
        AtomicInteger loads = new AtomicInteger();
        assertEquals("A", cache.get("a", k -> k.toUpperCase() + (loads.incrementAndGet() > 1 ? "again" : "")));
        assertEquals("A", cache.get("a", k -> k.toUpperCase() + (loads.incrementAndGet() > 1 ? "again" : "")));
        assertEquals(1, loads.get());
        cache.clear();
        assertNull(cache.kept("a"));
    }

    @Test
    void aBoundedCacheKeepsAtMostItsBound() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(2);
        cache.keep("a", "1");
        cache.keep("b", "2");
        assertEquals("2", cache.kept("b"));
        // full of live entries: they all go for the new one
        cache.keep("c", "3");
        assertNull(cache.kept("a"));
        assertNull(cache.kept("b"));
        assertEquals("3", cache.kept("c"));
    }

    @Test
    void nullIsNotKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>();
        cache.keep("a", null);
        assertNull(cache.kept("a"));
    }
}
