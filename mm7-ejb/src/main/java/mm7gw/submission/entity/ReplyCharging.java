package mm7gw.submission.entity;

import java.time.Instant;

/**
 * Reply charging (TS 23.140 ReplyCharging): the VASP pays for a recipient's reply to its message, if the reply is
 * sent by {@code deadline} and is at most {@code size} bytes; null for either means no such limit.
 */
public record ReplyCharging(Long size, Instant deadline) {

    /** Why a reply of {@code bytes} sent {@code at} is not charged to the VASP, or null if it is. */
    public String refusal(long bytes, Instant at) {
        if (deadline != null && at.isAfter(deadline)) {
            return "the reply deadline " + deadline + " has passed";
        }
        if (size != null && bytes > size) {
            return "the reply has " + bytes + " bytes, reply charging covers " + size;
        }
        return null;
    }

    /** The terms as an administrator reads them, e.g. "replies up to 2000 bytes, sent by 2026-12-05T10:00:00Z". */
    public String terms() {
        return "replies " + (size == null ? "of any size" : "up to " + size + " bytes") + ", "
                + (deadline == null ? "with no deadline" : "sent by " + deadline);
    }
}
