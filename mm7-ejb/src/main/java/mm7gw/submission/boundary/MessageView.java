package mm7gw.submission.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.submission.entity.ContentAttributes;
import mm7gw.submission.entity.ReplyCharging;

/** A submitted message with the state of each recipient, for admins and for tests. */
public record MessageView(String messageId, String vaspId, String vasId, String transactionId, String sender,
        String subject, String priority, String messageClass, String serviceCode, String linkedId, String chargedParty, String chargedPartyId, String state,
        Instant submittedAt, Instant earliestDeliveryTime, Instant expiryDate, int recipientCount, boolean readReply,
        boolean deliveryReport, Long contentSize, ContentAttributes attributes, ApplicationAddress application,
        ReplyCharging replyCharging, List<RecipientView> recipients) {

    public record RecipientView(String address, String type, String kind, String state, Instant stateChangedAt,
            List<AttemptView> attempts) {
    }

    public record AttemptView(Instant at, String outcome, String detail) {
    }
}
