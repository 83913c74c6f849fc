package mm7gw.submission.boundary;

import java.time.Instant;

/** What an admin searches messages by; null fields do not restrict. Recipient is matched after normalising. */
public record MessageCriteria(String messageId, String vaspId, String recipient, Instant from, Instant to) {
}
