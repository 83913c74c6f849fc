package mm7gw.submission.boundary;

import java.util.List;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.kernel.ApplicationAddress;

/**
 * An MM7_cancel: withdraw a submitted message from the recipients who have not retrieved it. Its application
 * addressing (ApplicID, ReplyApplicID, AuxApplicInfo), if any, goes on the cancel's charging record. A request that
 * cannot be carried out as it was read (an element the gateway does not support) carries its
 * {@link SubmitCommand.Defect}: it is refused, and charged as refused.
 */
public record CancelCommand(String transactionId, String vaspId, String vasId, String messageId,
        List<SubmitCommand.RecipientInput> recipients, ApplicationAddress application, SubmitCommand.Defect defect) {

    /** Whether the cancel is for the listed recipients only (Release 6 CancelReq Recipients). */
    public boolean forListedRecipients() {
        return recipients != null && !recipients.isEmpty();
    }

    /**
     * What the charging event of the refused request says. Without the MessageID: the message may be another
     * VASP's, whose records must not show this VASP's request (the Details name the MessageID where it matters).
     */
    public ChargedOperation asRefused() {
        return new ChargedOperation(null, vasId, null, null, null, null,
                recipients == null ? null : recipients.size(), null, null, null, null, null, null);
    }
}
