package mm7gw.delivery.control;

import mm7gw.charging.entity.RecordDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.delivery.entity.DeliveryOutcome;
import mm7gw.submission.control.Messages;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.PlannedRecipients;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.RecipientList;

/**
 * Distributes an accepted message in chunks: {@link #plan} enqueues one fan-out per chunk; {@link #fanOut}
 * creates a chunk's recipient records and delivers them, or schedules their delivery for the message's
 * EarliestDeliveryTime; {@link #deliver} puts a chunk's pending recipients into their mailboxes. Each step
 * runs in the caller's transaction and records, per recipient, its state, a history entry and a charging
 * event. Every step is idempotent: running one twice does nothing the second time. {@code cause} is the JMS
 * message being consumed; the sends a step makes carry it in their duplicate ids.
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

    @Inject
    RecipientHistory history;

    @Inject
    FanOutQueue fanOut;

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(String messageId, String cause) {
        MultimediaMessage message = stored(messages.byMessageId(messageId), messageId);
        for (int chunk = 0; chunk < message.chunks(); chunk++) {
            fanOut.send(messageId, chunk, FanOutQueue.Action.FAN_OUT, null, null, cause);
        }
        LOG.fine(() -> "message " + messageId + ": " + message.chunks() + " fan-out chunks enqueued");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(String messageId, int chunk, String cause) {
        MultimediaMessage message = stored(messages.lockedByMessageId(messageId), messageId);
        if (!messages.recipientsOfChunk(message, chunk).isEmpty()) {
            LOG.info(() -> "message " + messageId + " chunk " + chunk + " already fanned out (redelivered?)");
            return;
        }
        PlannedRecipients planned = messages.planned(message);
        Instant now = Instant.now();
        boolean due = message.isDue(now);
        for (RecipientList.Entry e : planned.chunk(chunk)) {
            Recipient r = new Recipient(message, e.address(), e.kind(), chunk);
            if (message.isCancelled()) {
                r.cancelled(now);
            } else if (message.isExpired(now)) {
                r.expired(now);
            } else if (due) {
                r.delivered(now);
            }
            messages.add(r);
            switch (r.state()) {
                case CANCELLED -> history.record(r, DeliveryOutcome.CANCELLED, "cancelled by the VASP before distribution");
                case EXPIRED -> history.record(r, DeliveryOutcome.EXPIRED, "expired before distribution");
                case DELIVERED -> delivered(r);
                default -> {
                    // pending until the EarliestDeliveryTime
                }
            }
        }
        if (!due && !message.isCancelled() && !message.isExpired(now)) {
            fanOut.send(messageId, chunk, FanOutQueue.Action.DELIVER,
                    Duration.between(now, message.earliestDeliveryTime()), message.earliestDeliveryTime(), cause);
        }
        updateState(message);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(String messageId, int chunk) {
        MultimediaMessage message = stored(messages.lockedByMessageId(messageId), messageId);
        Instant now = Instant.now();
        if (!message.isDue(now)) {
            // the EarliestDeliveryTime was moved later by a replace: wait again. No duplicate id: this send is
            // exactly-once with the message it consumes, and an id from the due time would equal the one the
            // replace's own send to the same time carries
            fanOut.send(messageId, chunk, FanOutQueue.Action.DELIVER,
                    Duration.between(now, message.earliestDeliveryTime()), null, null);
            return;
        }
        deliverChunk(message, chunk, now);
        updateState(message);
    }

    private void deliverChunk(MultimediaMessage message, int chunk, Instant now) {
        List<Recipient> pending = messages.recipientsOfChunk(message, chunk).stream().filter(Recipient::isPending)
                .toList();
        boolean expired = message.isExpired(now);
        for (Recipient r : pending) {
            if (expired) {
                r.expired(now);
                history.record(r, DeliveryOutcome.EXPIRED, "expired before delivery");
            } else {
                r.delivered(now);
                delivered(r);
            }
        }
    }

    private void delivered(Recipient r) {
        history.record(r, DeliveryOutcome.DELIVERED, "stored in mailbox");
        charging.record(ChargingEvent.delivered(r, DeliveryOutcome.DELIVERED.name())
                .describedBy(RecordDetails.of(r.message()).withRecipient(r.address(), r.kind())));
    }

    private void updateState(MultimediaMessage message) {
        em.flush();
        message.updateState(messages.countHandled(message));
    }

    private static MultimediaMessage stored(java.util.Optional<MultimediaMessage> m, String messageId) {
        return m.orElseThrow(() -> new IllegalStateException("message " + messageId + " is not stored"));
    }
}
