package mm7gw.submission.boundary;

import java.util.Map;

/**
 * A message's distribution in numbers (for messages with thousands of recipients): how many recipients it
 * was accepted for, how many records exist, per state; history entries per outcome; charging events per type.
 */
public record RecipientCounts(String messageId, String state, int accepted, long created, Map<String, Long> byState,
        Map<String, Long> history, long recipientsWithDeliveredEntry, Map<String, Long> chargingEvents) {
}
