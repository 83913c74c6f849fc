package mm7gw.ws;

import java.util.Optional;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.status.StatusCode;
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
        return check("ApplicID", a.applicId(), ApplicationAddress.ID_LENGTH)
                .or(() -> check("ReplyApplicID", a.replyApplicId(), ApplicationAddress.ID_LENGTH))
                .or(() -> check("AuxApplicInfo", a.auxApplicInfo(), ApplicationAddress.INFO_LENGTH));
    }

    private static Optional<Defect> check(String element, String value, int max) {
        if (value == null || !value.isEmpty() && value.length() <= max) {
            return Optional.empty();
        }
        return Optional.of(new Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                element + " must be 1 to " + max + " characters"));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
