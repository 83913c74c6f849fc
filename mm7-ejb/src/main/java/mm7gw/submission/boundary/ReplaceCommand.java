package mm7gw.submission.boundary;

import java.time.Instant;

/**
 * An MM7_replace: new content and/or attributes for a submitted message, for the recipients who have not
 * retrieved it. A null field leaves that part unchanged; the TimeStamp is kept with the message when given.
 */
public record ReplaceCommand(String transactionId, String vaspId, String vasId, String messageId,
        String serviceCode, Instant earliestDeliveryTime, Boolean readReply, SubmitCommand.ContentInput content,
        Instant timeStamp) {
}
