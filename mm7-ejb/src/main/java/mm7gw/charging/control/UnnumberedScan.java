package mm7gw.charging.control;

/**
 * Where the sequencer's next round looks for unnumbered charging events: above a floor of ids, or from the start of
 * the table (a full pass).
 * <p>
 * Numbering an event updates its row, and PostgreSQL leaves the old version's entry in the index of unnumbered
 * events until a vacuum removes it; a scan from the start of that index reads every such entry, so its cost grows
 * with the table until then (after 508,719 events: 1,204 pages and 3.2 ms per round, against 130 pages and
 * 0.13 ms above the floor; docs/bench-profile.md). A scan above the floor starts among the events committed since.
 * <p>
 * The floor is the highest id numbered up to the round before the last one that numbered anything, so an event
 * that commits a round later than events with higher ids is still found. Events that commit later still under a
 * lower id (a long transaction, another node's block of ids, a node that died) are found by the full pass, at most
 * {@code fullPassMillis} apart.
 * <p>
 * Used by the sequencer's one thread only; it is told of a round only after that round committed, so a round that
 * rolled back moves nothing.
 */
final class UnnumberedScan {
    private final long fullPassNanos;
    private long floor;
    private long highest;
    private boolean fullPassDone;
    private long lastFullPass;

    UnnumberedScan(long fullPassMillis) {
        this.fullPassNanos = fullPassMillis * 1_000_000;
    }

    /**
     * The ids above which the round at {@code nowNanos} looks: 0, a full pass, for the first round and when the
     * last full pass began at least {@code fullPassMillis} ago.
     */
    long lowerBound(long nowNanos) {
        if (!fullPassDone || nowNanos - lastFullPass >= fullPassNanos) {
            fullPassDone = true;
            lastFullPass = nowNanos;
            return 0;
        }
        return floor;
    }

    /** A round committed, numbering events of which {@code highestId} was the highest id. */
    void numbered(long highestId) {
        floor = highest;
        highest = Math.max(highest, highestId);
    }
}
