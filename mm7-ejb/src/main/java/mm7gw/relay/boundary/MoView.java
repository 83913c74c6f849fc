package mm7gw.relay.boundary;

/**
 * An MO message accepted for a VASP: the LinkedID it is delivered under and the outbound call that carries it.
 *
 * @param replyChargingId the MessageID a reply is charged against (its VASP pays), or null
 * @param notReplyCharged why a reply to a message is not charged to its VASP (it goes as an ordinary MO message)
 */
public record MoView(String linkedId, String vaspId, String from, String to, long outboundCallId,
        String replyChargingId, String notReplyCharged) {
}
