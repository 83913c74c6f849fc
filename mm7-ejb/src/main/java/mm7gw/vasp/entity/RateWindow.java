package mm7gw.vasp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import mm7gw.kernel.VaspId;

/**
 * A VASP's permits handed out for the current one-second window, shared by every gateway node through the
 * database: a node locks the row (SELECT ... FOR UPDATE), starts a new window when the second has changed, and
 * takes a {@link #lease} of permits if its request still fits the limits; it then admits requests from its
 * {@link Lease} without coming back until that runs out.
 */
@Entity
@Table(name = "mm7_rate_window")
public class RateWindow {
    @Id
    @Column(name = "vasp_id", length = 64)
    private String vaspId;

    /** Epoch second the counters belong to. */
    @Column(name = "window_second", nullable = false)
    private long windowSecond;

    @Column(nullable = false)
    private int submissions;

    @Column(nullable = false)
    private int recipients;

    protected RateWindow() {
    }

    public RateWindow(VaspId vaspId) {
        this.vaspId = vaspId.value();
    }

    /**
     * Permits handed to a node for one second (the window's), or why none could be: the refusal names the limit
     * reached.
     */
    public record Grant(long second, int submissions, int recipients, String refusal) {
        static Grant refused(long second, String why) {
            return new Grant(second, 0, 0, why);
        }
    }

    /**
     * Hands out permits for the second: at least what a request of {@code requestRecipients} recipients needs (one
     * submission, its recipients), up to the wanted amounts, never beyond the limits (null: none). A request that
     * does not fit gets a refusal and costs nothing. The window never goes back: a node whose second is already
     * over (its clock, or its wait for the lock, is behind another node's) gets permits of the window's second.
     */
    public Grant lease(long second, int requestRecipients, int submissionsWanted, int recipientsWanted,
            Integer maxSubmissions, Integer maxRecipients) {
        if (second > windowSecond) {
            windowSecond = second;
            submissions = 0;
            recipients = 0;
        }
        second = windowSecond;
        if (maxSubmissions != null && submissions + 1 > maxSubmissions) {
            return Grant.refused(second, "rate limit of " + maxSubmissions + " submissions per second reached");
        }
        if (maxRecipients != null && recipients + requestRecipients > maxRecipients) {
            return Grant.refused(second, "rate limit of " + maxRecipients + " recipients per second reached ("
                    + recipients + " already this second, " + requestRecipients + " in this request)");
        }
        // a dimension without a limit is granted without bound (and not counted)
        int s = Integer.MAX_VALUE;
        if (maxSubmissions != null) {
            s = Math.max(1, Math.min(submissionsWanted, maxSubmissions - submissions));
            submissions += s;
        }
        int r = Integer.MAX_VALUE;
        if (maxRecipients != null) {
            r = Math.min(Math.max(recipientsWanted, requestRecipients), maxRecipients - recipients);
            recipients += r;
        }
        return new Grant(second, s, r, null);
    }

    /**
     * The permits one node holds for one second (kept in memory, never stored): it admits requests from them
     * until they run out, then takes another lease from the shared window. Not thread-safe: lock it.
     */
    public static final class Lease {
        private long second = -1;
        private int submissions;
        private int recipients;

        /** Admits (and counts) a request if the lease of that second still covers it. */
        public boolean admit(long now, int requestRecipients) {
            if (now != second || submissions < 1 || recipients < requestRecipients) {
                return false;
            }
            submissions--;
            recipients -= requestRecipients;
            return true;
        }

        private static int saturatedAdd(int a, int b) {
            long sum = (long) a + b;
            return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
        }

        /** Adds a grant; the rest of an earlier second's lease lapses. */
        public void add(Grant grant) {
            if (grant.second() != second) {
                second = grant.second();
                submissions = 0;
                recipients = 0;
            }
            submissions = saturatedAdd(submissions, grant.submissions());
            recipients = saturatedAdd(recipients, grant.recipients());
        }
    }
}
