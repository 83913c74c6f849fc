package mm7gw.elytron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeptReadsTest {
    private final KeptReads<String> kept = new KeptReads<>(1000, 3);

    @Test
    void aValueIsKeptUntilItExpires() {
        kept.keep("a", "1", kept.stamp(), 10_000);
        assertEquals("1", kept.get("a", 10_999));
        assertNull(kept.get("a", 11_000));
        assertNull(kept.get("b", 10_000));
    }

    @Test
    void aValueReadBeforeAForgettingIsNotKept() {
        long stamp = kept.stamp();
        kept.forget("other");
        kept.keep("a", "old", stamp, 10_000);
        assertNull(kept.get("a", 10_000));

        stamp = kept.stamp();
        kept.forgetAll();
        kept.keep("a", "old", stamp, 10_000);
        assertNull(kept.get("a", 10_000));

        kept.keep("a", "new", kept.stamp(), 10_000);
        assertEquals("new", kept.get("a", 10_000));
    }

    @Test
    void forgettingDropsTheKeyOrEverything() {
        kept.keep("a", "1", kept.stamp(), 10_000);
        kept.keep("b", "2", kept.stamp(), 10_000);
        kept.forget("a");
        assertNull(kept.get("a", 10_000));
        assertEquals("2", kept.get("b", 10_000));
        kept.forgetAll();
        assertNull(kept.get("b", 10_000));
    }

    @Test
    void theNumberOfKeysIsBounded() {
        kept.keep("a", "1", kept.stamp(), 10_000);
        kept.keep("b", "2", kept.stamp(), 10_000);
        kept.keep("c", "3", kept.stamp(), 10_500);
        // full: the expired ones go first
        kept.keep("d", "4", kept.stamp(), 11_200);
        assertEquals(2, kept.size());
        assertEquals("3", kept.get("c", 11_200));
        kept.keep("e", "5", kept.stamp(), 11_200);
        // full of live entries: everything goes
        kept.keep("f", "6", kept.stamp(), 11_300);
        assertEquals(1, kept.size());
        assertEquals("6", kept.get("f", 11_300));
    }

    @Test
    void nothingIsKeptWithoutAKeepTime() {
        KeptReads<String> none = new KeptReads<>(0, 10);
        none.keep("a", "1", none.stamp(), 10_000);
        assertNull(none.get("a", 10_000));
    }
}
