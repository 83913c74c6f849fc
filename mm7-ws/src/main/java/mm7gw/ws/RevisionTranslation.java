package mm7gw.ws;

import java.time.Instant;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.CancelCommand;
import mm7gw.submission.boundary.ReplaceCommand;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.submission.entity.ContentAttributes;
import mm7gw.ws.gen.CancelReq;
import mm7gw.ws.gen.ReplaceReq;
import mm7gw.ws.gen.SenderIdentificationType;

/**
 * Reads CancelReq and ReplaceReq into the business's commands. A request that cannot be carried out as it was
 * read becomes a command with its {@link SubmitCommand.Defect}, so that the refusal is charged.
 */
final class RevisionTranslation {
    private RevisionTranslation() {
    }

    static CancelCommand cancel(CancelReq req, String transactionId) {
        SenderIdentificationType id = req.getSenderIdentification();
        ApplicationAddress application = ApplicationAddressing.of(req.getApplicID(), req.getReplyApplicID(),
                req.getAuxApplicInfo());
        return new CancelCommand(transactionId, id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()), trim(req.getMessageID()),
                SubmitTranslation.recipients(req.getRecipients()), application,
                ApplicationAddressing.defect(application).orElse(null));
    }

    /**
     * @param content the entity the request's Content href refers to, or null if the request has none
     */
    static ReplaceCommand replace(ReplaceReq req, String transactionId, Instant received,
            SubmitCommand.ContentInput content) {
        ApplicationAddress application = ApplicationAddressing.of(req.getApplicID(), req.getReplyApplicID(),
                req.getAuxApplicInfo());
        SubmitCommand.Defect defect = ApplicationAddressing.defect(application).orElse(null);
        if (defect == null && req.getContent() != null && content == null) {
            defect = new SubmitCommand.Defect(StatusCode.UNSUPPORTED_OPERATION,
                    "replacing the content is not supported yet; ServiceCode, EarliestDeliveryTime and ReadReply can be replaced");
        }
        SenderIdentificationType id = req.getSenderIdentification();
        Instant earliest = null;
        try {
            earliest = RelativeOrAbsoluteDate.resolve(req.getEarliestDeliveryTime(), received);
        } catch (IllegalArgumentException e) {
            if (defect == null) {
                defect = new SubmitCommand.Defect(StatusCode.MESSAGE_FORMAT_CORRUPT,
                        "EarliestDeliveryTime: " + e.getMessage());
            }
        }
        return new ReplaceCommand(transactionId, id == null ? null : trim(id.getVASPID()),
                id == null ? null : trim(id.getVASID()), trim(req.getMessageID()), req.getServiceCode(), earliest,
                req.isReadReply(), content, SubmitTranslation.instant(req.getTimeStamp()),
                new ContentAttributes(null, req.getContent() == null || content == null ? null
                        : req.getContent().isAllowAdaptations(), req.isDistributionIndicator(),
                        req.getContentClass() == null ? null : req.getContentClass().value(), req.isDRMContent()),
                application, defect);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
