package mm7gw.relay.boundary;

/** An MO message accepted for a VASP: the LinkedID it is delivered under and the outbound call that carries it. */
public record MoView(String linkedId, String vaspId, String from, String to, long outboundCallId) {
}
