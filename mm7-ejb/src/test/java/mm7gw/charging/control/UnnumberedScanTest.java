package mm7gw.charging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnnumberedScanTest {
    private static final long MS = 1_000_000;

    @Test
    void theFirstRoundIsAFullPass() {
        assertEquals(0, new UnnumberedScan(1000).lowerBound(5_000 * MS));
    }

    @Test
    void roundsLookAboveTheHighestIdNumberedBeforeTheLastRound() {
        UnnumberedScan scan = new UnnumberedScan(1000);
        assertEquals(0, scan.lowerBound(0));
        scan.numbered(140);
        assertEquals(0, scan.lowerBound(50 * MS), "the floor lags one round");
        scan.numbered(260);
        assertEquals(140, scan.lowerBound(100 * MS));
        scan.numbered(390);
        assertEquals(260, scan.lowerBound(150 * MS));
    }

    @Test
    void roundsThatNumberedNothingLeaveTheFloor() {
        UnnumberedScan scan = new UnnumberedScan(1000);
        scan.lowerBound(0);
        scan.numbered(100);
        scan.numbered(200);
        assertEquals(100, scan.lowerBound(50 * MS));
        assertEquals(100, scan.lowerBound(100 * MS));
    }

    @Test
    void aLateEventUnderTheFloorIsNumberedHigherButNeverLowersIt() {
        UnnumberedScan scan = new UnnumberedScan(1000);
        scan.lowerBound(0);
        scan.numbered(500);
        scan.numbered(600);
        scan.numbered(30);
        assertEquals(600, scan.lowerBound(50 * MS));
    }

    @Test
    void aFullPassComesAgainOnceItsIntervalHasPassed() {
        UnnumberedScan scan = new UnnumberedScan(1000);
        assertEquals(0, scan.lowerBound(0));
        scan.numbered(100);
        scan.numbered(200);
        assertEquals(100, scan.lowerBound(999 * MS));
        assertEquals(0, scan.lowerBound(1000 * MS), "a second after the last full pass");
        assertEquals(100, scan.lowerBound(1001 * MS));
        assertEquals(0, scan.lowerBound(2000 * MS));
    }

    @Test
    void withoutAnIntervalEveryRoundIsAFullPass() {
        UnnumberedScan scan = new UnnumberedScan(0);
        scan.lowerBound(0);
        scan.numbered(100);
        scan.numbered(200);
        assertEquals(0, scan.lowerBound(1));
    }
}
