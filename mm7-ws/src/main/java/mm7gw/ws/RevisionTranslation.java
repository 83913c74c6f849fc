package mm7gw.ws;

import java.time.Instant;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.CancelCommand;
import mm7gw.submission.boundary.ReplaceCommand;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.ws.gen.CancelReq;
import mm7gw.ws.gen.ReplaceReq;
import mm7gw.ws.gen.SenderIdentificationType;

/** Reads CancelReq and ReplaceReq into the business's commands. */
final class RevisionTranslation {
    private RevisionTranslation() {
    }

    static CancelCommand cancel(CancelReq req, String transactionId) {
        refuseUnsupported(UnsupportedElements.in(req));
        SenderIdentificationType id = req.getSenderIdentification();
        return new CancelCommand(transactionId, id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()), trim(req.getMessageID()));
    }

    /**
     * @param content the entity the request's Content href refers to, or null if the request has none
     */
    static ReplaceCommand replace(ReplaceReq req, String transactionId, Instant received,
            SubmitCommand.ContentInput content) {
        refuseUnsupported(UnsupportedElements.in(req));
        if (req.getContent() != null && content == null) {
            throw new Mm7Rejection(StatusCode.UNSUPPORTED_OPERATION,
                    "replacing the content is not supported yet; ServiceCode, EarliestDeliveryTime and ReadReply can be replaced");
        }
        SenderIdentificationType id = req.getSenderIdentification();
        Instant earliest;
        try {
            earliest = RelativeOrAbsoluteDate.resolve(req.getEarliestDeliveryTime(), received);
        } catch (IllegalArgumentException e) {
            throw new Mm7Rejection(StatusCode.MESSAGE_FORMAT_CORRUPT, "EarliestDeliveryTime: " + e.getMessage());
        }
        return new ReplaceCommand(transactionId, id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()), trim(req.getMessageID()), req.getServiceCode(), earliest,
                req.isReadReply(), content, SubmitTranslation.instant(req.getTimeStamp()));
    }

    private static void refuseUnsupported(java.util.Optional<SubmitCommand.Defect> defect) {
        if (defect.isPresent()) {
            throw new Mm7Rejection(defect.get().status(), defect.get().details());
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
