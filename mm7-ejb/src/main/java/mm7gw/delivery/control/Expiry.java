package mm7gw.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import mm7gw.submission.control.Messages;
import mm7gw.submission.control.RecipientHistory;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;

/**
 * Expires one message in its own transaction: every recipient that has not retrieved it (pending or waiting
 * in the mailbox) becomes EXPIRED with a history entry. Recipients the fan-out creates later are created
 * expired (the distributor checks the ExpiryDate itself). Called by the expiry scan's thread
 * ({@link mm7gw.delivery.boundary.ExpiryScan}).
 */
@ApplicationScoped
public class Expiry {
    private static final Logger LOG = Logger.getLogger(Expiry.class.getName());

    @Inject
    Messages messages;

    @Inject
    RecipientHistory history;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void expire(String messageId) {
        MultimediaMessage message = messages.lockedByMessageId(messageId).orElse(null);
        Instant now = Instant.now();
        if (message == null || message.expiredAt() != null || !message.isExpired(now)) {
            return;
        }
        int expired = 0;
        for (Recipient r : messages.withdrawable(message)) {
            r.expired(now);
            history.record(r, DeliveryOutcome.EXPIRED, "ExpiryDate " + message.expiryDate() + " passed");
            expired++;
        }
        message.expired(now);
        message.updateState(messages.countHandled(message));
        int count = expired;
        LOG.fine(() -> "message " + messageId + " expired for " + count + " recipients");
    }
}
