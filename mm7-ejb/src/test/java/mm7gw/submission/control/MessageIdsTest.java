package mm7gw.submission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void idsAreUniqueAndXmlSafe() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = MessageIds.next();
            assertTrue(id.matches("m[0-9a-z]+-[0-9a-z]{16}"), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void idsSortByTime() {
        String earlier = MessageIds.next(Instant.parse("2026-01-01T00:00:00Z"));
        String later = MessageIds.next(Instant.parse("2026-01-01T00:00:01Z"));
        assertTrue(earlier.substring(0, earlier.indexOf('-')).compareTo(later.substring(0, later.indexOf('-'))) < 0);
    }
}
