package mm7gw.relay.boundary;

/**
 * A subscriber's message to a VASP's short code (the simulated MM1 submission of an MO message).
 *
 * @param replyTo the MessageID of a message of that VASP in the subscriber's mailbox this is a reply to, or null
 */
public record MoRequest(String to, String subject, String text, String replyTo) {
}
