package mm7gw.submission.control;

/** Fired in the transaction that accepted a message; observed after it committed, to hand it to distribution. */
public record MessageAccepted(String messageId) {
}
