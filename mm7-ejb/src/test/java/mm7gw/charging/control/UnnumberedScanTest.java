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
        UnnumberedScan scan = afterRounds(1000, 100, 200);
        assertEquals(100, scan.lowerBound(50 * MS));
        assertEquals(100, scan.lowerBound(100 * MS));
    }

    @Test
    void aLateEventUnderTheFloorIsNumberedHigherButNeverLowersIt() {
        assertEquals(600, afterRounds(1000, 500, 600, 30).lowerBound(50 * MS));
    }

    @Test
    void aFullPassComesAgainOnceItsIntervalHasPassed() {
        UnnumberedScan scan = afterRounds(1000, 100, 200);
        assertEquals(100, scan.lowerBound(999 * MS));
        assertEquals(0, scan.lowerBound(1000 * MS), "a second after the last full pass");
        assertEquals(100, scan.lowerBound(1001 * MS));
        assertEquals(0, scan.lowerBound(2000 * MS));
    }

    @Test
    void withoutAnIntervalEveryRoundIsAFullPass() {
        assertEquals(0, afterRounds(0, 100, 200).lowerBound(1));
    }

    /** A scan after its first round, a full pass at time 0, and rounds that numbered events up to these ids. */
    private static UnnumberedScan afterRounds(long fullPassMillis, long... highestIds) {
        UnnumberedScan scan = new UnnumberedScan(fullPassMillis);
        assertEquals(0, scan.lowerBound(0), "the first round is a full pass");
        for (long id : highestIds) {
            scan.numbered(id);
        }
        return scan;
    }
}
