package mm7gw.vasp.entity;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateWindowTest {
    @Test
    void countsSubmissionsWithinTheSecondAndStartsAfreshInTheNext() {
        RateWindow w = new RateWindow("v");
        assertNull(w.admit(100, 1, 2, null));
        assertNull(w.admit(100, 1, 2, null));
        String refused = w.admit(100, 1, 2, null);
        assertNotNull(refused);
        assertTrue(refused.contains("2 submissions per second"), refused);
        assertNull(w.admit(101, 1, 2, null), "a new second, a new window");
    }

    @Test
    void countsRecipientsAndARefusedRequestCostsNothing() {
        RateWindow w = new RateWindow("v");
        assertNull(w.admit(5, 3, null, 5));
        String refused = w.admit(5, 3, null, 5);
        assertNotNull(refused);
        assertTrue(refused.contains("5 recipients per second"), refused);
        assertNull(w.admit(5, 2, null, 5), "the refused request was not counted");
        assertNotNull(w.admit(5, 1, null, 5));
    }
}
