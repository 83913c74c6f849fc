package mm7gw.ws;

import java.util.Optional;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.submission.boundary.SubmitCommand.Defect;

/**
 * Reads application addressing (ApplicID, ReplyApplicID, AuxApplicInfo) off a SubmitReq, ReplaceReq or CancelReq.
 * The IDs are trimmed, AuxApplicInfo is kept exactly as written; a value the gateway cannot keep (an empty ID,
 * one longer than it stores) is a defect (2007) naming the element.
 */
final class ApplicationAddressing {
    private ApplicationAddressing() {
    }

    static ApplicationAddress of(String applicId, String replyApplicId, String auxApplicInfo) {
        return new ApplicationAddress(trim(applicId), trim(replyApplicId), auxApplicInfo);
    }

    static Optional<Defect> defect(ApplicationAddress a) {
        return KeptLength.oneTo("ApplicID", a.applicId(), ApplicationAddress.ID_LENGTH)
                .or(() -> KeptLength.oneTo("ReplyApplicID", a.replyApplicId(), ApplicationAddress.ID_LENGTH))
                .or(() -> KeptLength.oneTo("AuxApplicInfo", a.auxApplicInfo(), ApplicationAddress.INFO_LENGTH));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
