package mm7gw.vasp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mm7gw.kernel.VaspId;
import org.junit.jupiter.api.Test;

class RateWindowTest {
    @Test
    void leasesNeverExceedTheLimitWithinTheSecondAndStartAfreshInTheNext() {
        RateWindow w = new RateWindow(new VaspId("v"));
        RateWindow.Grant first = w.lease(100, 1, 3, 1, 5, null);
        assertEquals(3, first.submissions());
        RateWindow.Grant second = w.lease(100, 1, 3, 1, 5, null);
        assertEquals(2, second.submissions(), "only what is left of the limit");
        RateWindow.Grant refused = w.lease(100, 1, 3, 1, 5, null);
        assertNotNull(refused.refusal());
        assertTrue(refused.refusal().contains("5 submissions per second"), refused.refusal());
        assertNull(w.lease(101, 1, 3, 1, 5, null).refusal(), "a new second, a new window");
    }

    @Test
    void aRequestWithMoreRecipientsThanTheLeaseGetsWhatItNeedsAndARefusedOneCostsNothing() {
        RateWindow w = new RateWindow(new VaspId("v"));
        assertEquals(3, w.lease(5, 3, 1, 1, null, 5).recipients());
        RateWindow.Grant refused = w.lease(5, 3, 1, 1, null, 5);
        assertTrue(refused.refusal().contains("5 recipients per second"), refused.refusal());
        assertEquals(2, w.lease(5, 2, 1, 1, null, 5).recipients(), "the refused request was not counted");
        assertNotNull(w.lease(5, 1, 1, 1, null, 5).refusal());
    }

    @Test
    void aNodesLeaseAdmitsUntilItRunsOutAndLapsesWithTheSecond() {
        RateWindow.Lease lease = new RateWindow.Lease();
        assertFalse(lease.admit(7, 1), "nothing leased yet");
        lease.add(new RateWindow.Grant(7, 2, 10, null));
        assertTrue(lease.admit(7, 4));
        assertFalse(lease.admit(7, 7), "6 recipients left");
        assertTrue(lease.admit(7, 6));
        assertFalse(lease.admit(7, 0), "no submission left");
        lease.add(new RateWindow.Grant(8, 1, 1, null));
        assertTrue(lease.admit(8, 1));
        assertFalse(lease.admit(9, 0), "the lease of second 8 does not hold in second 9");
    }

    @Test
    void aDimensionWithoutALimitIsLeasedWithoutBound() {
        RateWindow w = new RateWindow(new VaspId("v"));
        RateWindow.Grant g = w.lease(1, 50, 2, 50, 10, null);
        assertEquals(2, g.submissions());
        RateWindow.Lease lease = new RateWindow.Lease();
        lease.add(g);
        assertTrue(lease.admit(1, 50));
        assertTrue(lease.admit(1, 5000), "recipients are not limited");
        assertFalse(lease.admit(1, 1), "both leased submissions used");
    }

    @Test
    void theWindowNeverGoesBackToASecondThatIsOver() {
        RateWindow w = new RateWindow(new VaspId("v"));
        assertEquals(11, w.lease(11, 1, 2, 1, 2, null).second());
        RateWindow.Grant late = w.lease(10, 1, 2, 1, 2, null);
        assertNotNull(late.refusal(), "second 11's two permits are taken; a node still in second 10 gets none");
        assertEquals(11, late.second());
        assertNull(w.lease(12, 1, 2, 1, 2, null).refusal());
    }
}
