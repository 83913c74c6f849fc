package mm7gw.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.delivery.entity.DeliveryAttempt;
import mm7gw.delivery.entity.DeliveryOutcome;
import mm7gw.submission.control.Messages;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.Recipient;

/**
 * Hands an accepted message to each of its pending recipients, recording an attempt, the recipient's new
 * state and a charging event per recipient in the caller's transaction. Running it twice for the same
 * message does nothing the second time (only pending recipients are handled).
 */
@ApplicationScoped
public class Distributor {
    private static final Logger LOG = Logger.getLogger(Distributor.class.getName());

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    Charging charging;

    @Transactional(Transactional.TxType.MANDATORY)
    public void distribute(String messageId) {
        MultimediaMessage message = messages.byMessageId(messageId)
                .orElseThrow(() -> new IllegalStateException("message " + messageId + " is not stored"));
        Instant now = Instant.now();
        int handled = 0;
        for (Recipient recipient : message.recipients()) {
            if (!recipient.isPending()) {
                continue;
            }
            recipient.delivered(now);
            em.persist(new DeliveryAttempt(recipient, DeliveryOutcome.DELIVERED, "stored in mailbox"));
            charging.record(ChargingEvent.delivered(recipient, DeliveryOutcome.DELIVERED.name()));
            handled++;
        }
        message.updateState();
        LOG.fine(() -> "message " + messageId + " distributed to " + message.recipients().size() + " recipients");
        if (handled == 0) {
            LOG.info(() -> "message " + messageId + " had no pending recipient (redelivered?)");
        }
    }
}
