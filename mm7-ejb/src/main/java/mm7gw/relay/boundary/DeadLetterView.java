package mm7gw.relay.boundary;

import java.time.Instant;

/**
 * A message on the dead-letter queue {@code mm7.dlq}: its JMS id (what replay takes), the address it came from,
 * the outbound call it carries (if it is one) and its body (a MessageID).
 */
public record DeadLetterView(String jmsMessageId, String originalAddress, Long outboundCallId, String body,
        Instant sentAt) {
}
