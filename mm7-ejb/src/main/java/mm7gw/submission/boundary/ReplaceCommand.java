package mm7gw.submission.boundary;

import java.time.Instant;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.submission.entity.ContentAttributes;

/**
 * An MM7_replace: new content and/or attributes for a submitted message, for the recipients who have not
 * retrieved it. A null field (or attribute) leaves that part unchanged; the TimeStamp is kept with the message. A
 * request that cannot be carried out as it was read carries its {@link SubmitCommand.Defect}: it is refused,
 * and charged as refused.
 */
public record ReplaceCommand(String transactionId, String vaspId, String vasId, String messageId,
        String serviceCode, Instant earliestDeliveryTime, Boolean readReply, SubmitCommand.ContentInput content,
        Instant timeStamp, ContentAttributes attributes, ApplicationAddress application, SubmitCommand.Defect defect) {

    /**
     * Whether the request replaces any of DistributionIndicator, ContentClass, DRMContent, allowAdaptations,
     * ApplicID, ReplyApplicID, AuxApplicInfo.
     */
    public boolean replacesAttributes() {
        return attributes != null && (attributes.distributionIndicator() != null || attributes.contentClass() != null
                || attributes.drmContent() != null || attributes.allowAdaptations() != null)
                || application != null && !application.isEmpty();
    }

    /**
     * What the charging event of the refused request says (a ServiceCode too long to store is left out). Without
     * the MessageID: the message may be another VASP's, whose records must not show this VASP's request.
     */
    public ChargedOperation asRefused() {
        return new ChargedOperation(null, vasId, null, null, null, null, null,
                content == null ? null : (long) content.body().length,
                content == null ? null : content.contentType(), null, null, null,
                serviceCode != null && serviceCode.length() > ChargingEvent.SERVICE_CODE_LENGTH ? null : serviceCode);
    }
}
