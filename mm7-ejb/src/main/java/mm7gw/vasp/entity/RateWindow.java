package mm7gw.vasp.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A VASP's traffic in the current one-second window, shared by every gateway node through the database: a node
 * locks the row (SELECT ... FOR UPDATE), starts a new window when the second has changed, and admits a request
 * only if its submission and its recipients still fit the limits.
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

    public RateWindow(String vaspId) {
        this.vaspId = vaspId;
    }

    /** What a request did not fit; null when it was admitted and counted. */
    public String admit(long second, int requestRecipients, Integer maxSubmissions, Integer maxRecipients) {
        if (second != windowSecond) {
            windowSecond = second;
            submissions = 0;
            recipients = 0;
        }
        if (maxSubmissions != null && submissions + 1 > maxSubmissions) {
            return "rate limit of " + maxSubmissions + " submissions per second reached";
        }
        if (maxRecipients != null && recipients + requestRecipients > maxRecipients) {
            return "rate limit of " + maxRecipients + " recipients per second reached ("
                    + recipients + " already this second, " + requestRecipients + " in this request)";
        }
        submissions++;
        recipients += requestRecipients;
        return null;
    }
}
