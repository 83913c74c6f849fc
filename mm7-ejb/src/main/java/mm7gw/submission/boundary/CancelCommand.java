package mm7gw.submission.boundary;

/** An MM7_cancel: withdraw a submitted message from the recipients who have not retrieved it. */
public record CancelCommand(String transactionId, String vaspId, String vasId, String messageId) {
}
