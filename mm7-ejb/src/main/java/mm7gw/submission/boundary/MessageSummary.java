package mm7gw.submission.boundary;

import java.time.Instant;

/** One line of a message search. */
public record MessageSummary(String messageId, String vaspId, String vasId, String transactionId, String state,
        Instant submittedAt, int recipients) {
}
