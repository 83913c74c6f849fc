package mm7gw.elytron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeptReadsTest {
    private final AtomicLong now = new AtomicLong(10_000);
    private final AtomicLong keepMillis = new AtomicLong(1000);
    private final KeptReads<String, String> kept = new KeptReads<>(keepMillis::get, 3, now::get);

    @Test
    void aValueIsKeptUntilItExpires() {
        kept.keep("a", "1", kept.stamp());
        now.set(10_999);
        assertEquals("1", kept.kept("a"));
        now.set(11_000);
        assertNull(kept.kept("a"));
        assertNull(kept.kept("b"));
    }

    @Test
    void aValueIsLoadedOnceWhileKept() {
        AtomicInteger loads = new AtomicInteger();
        assertEquals("A1", kept.get("a", k -> k.toUpperCase() + loads.incrementAndGet()));
        assertEquals("A1", kept.get("a", k -> k.toUpperCase() + loads.incrementAndGet()));
        now.addAndGet(1000);
        assertEquals("A2", kept.get("a", k -> k.toUpperCase() + loads.incrementAndGet()));
    }

    @Test
    void aFailedOrEmptyReadKeepsNothing() throws java.io.IOException {
        java.io.IOException down = new java.io.IOException("database down");
        java.io.IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> kept.read("a", k -> {
                    throw down;
                }));
        assertEquals(down, thrown);
        assertNull(kept.kept("a"));
        assertNull(kept.read("a", k -> null));
        assertEquals("A", kept.read("a", k -> k.toUpperCase()));
        assertEquals("A", kept.read("a", k -> {
            throw down;
        }));
    }

    @Test
    void aValueReadBeforeAForgettingIsNotKept() {
        long stamp = kept.stamp();
        kept.forget("other");
        kept.keep("a", "old", stamp);
        assertNull(kept.kept("a"));

        stamp = kept.stamp();
        kept.forgetAll();
        kept.keep("a", "old", stamp);
        assertNull(kept.kept("a"));

        kept.keep("a", "new", kept.stamp());
        assertEquals("new", kept.kept("a"));
    }

    @Test
    void aLoadOverlappingAForgettingIsUsedButNotKept() {
        // the row changes and the change forgets while the load is under way: the load may have read the old row
        assertEquals("old", kept.get("a", k -> {
            kept.forgetAll();
            return "old";
        }));
        assertNull(kept.kept("a"));
        assertEquals("new", kept.get("a", k -> "new"));
        assertEquals("new", kept.kept("a"));
    }

    @Test
    void aLoadOnAnotherThreadOverlappingAForgettingIsNotKept() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> kept.get("a", k -> {
            reading.countDown();
            await(forgotten);
            return "old";
        }));
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        kept.forget("a");
        forgotten.countDown();
        assertEquals("old", reader.get(10, TimeUnit.SECONDS));
        assertNull(kept.kept("a"), "read before the forgetting, kept after it");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void forgettingDropsTheKeyOrEverything() {
        kept.keep("a", "1", kept.stamp());
        kept.keep("b", "2", kept.stamp());
        kept.forget("a");
        assertNull(kept.kept("a"));
        assertEquals("2", kept.kept("b"));
        kept.forgetAll();
        assertNull(kept.kept("b"));
    }

    @Test
    void theNumberOfKeysIsBounded() {
        kept.keep("a", "1", kept.stamp());
        kept.keep("b", "2", kept.stamp());
        now.set(10_500);
        kept.keep("c", "3", kept.stamp());
        // full: the expired ones go first
        now.set(11_200);
        kept.keep("d", "4", kept.stamp());
        assertEquals(2, kept.size());
        assertEquals("3", kept.kept("c"));
        kept.keep("e", "5", kept.stamp());
        // full of live entries: everything goes
        now.set(11_300);
        kept.keep("f", "6", kept.stamp());
        assertEquals(1, kept.size());
        assertEquals("6", kept.kept("f"));
    }

    @Test
    void theKeepTimeIsReadAtEveryKeep() {
        keepMillis.set(0);
        kept.keep("a", "1", kept.stamp());
        assertNull(kept.kept("a"), "0 keeps nothing");
        keepMillis.set(60_000);
        kept.keep("a", "1", kept.stamp());
        now.addAndGet(59_999);
        assertEquals("1", kept.kept("a"));
    }

    @Test
    void nullIsNotKept() {
        kept.keep("a", null, kept.stamp());
        assertEquals(0, kept.size());
    }
}
