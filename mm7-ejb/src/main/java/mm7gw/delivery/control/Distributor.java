package mm7gw.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.kernel.DeliveryConditions;
import mm7gw.submission.control.FanOutQueue;
import mm7gw.submission.control.Messages;
import mm7gw.submission.control.RecipientHistory;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.MultimediaMessage;
import mm7gw.submission.entity.PlannedRecipients;
import mm7gw.submission.entity.Recipient;
import mm7gw.submission.entity.RecipientList;

/**
 * Distributes accepted messages in chunks: {@link #distribute} fans out a message of one chunk itself and
 * enqueues one fan-out per chunk for a bigger one; {@link #fanOut} creates a chunk's recipient records and
 * delivers them, or schedules their delivery for the message's EarliestDeliveryTime; {@link #deliver} puts a
 * chunk's pending recipients into their mailboxes; after each chunk, {@link #complete} marks the message distributed
 * once none of its recipients is pending (chunks of one message run side by side, so none of them can tell that it
 * was the last). Each step
 * runs in the caller's transaction and records, per recipient, its state, a history entry and a charging
 * event. Every step is idempotent: running one twice does nothing the second time. {@code cause} is the JMS
 * message being consumed; the sends a step makes carry it in their duplicate ids.
 */
@ApplicationScoped
public class Distributor {
    private static final Logger LOG = Logger.getLogger(Distributor.class.getName());

    @Inject
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    Charging charging;

    @Inject
    RecipientHistory history;

    @Inject
    FanOutQueue fanOut;

    @Inject
    mm7gw.directory.control.Directory directory;

    /**
     * Distributes accepted messages: a message whose recipients fit one chunk is fanned out right here, a bigger
     * one is split into fan-out chunks (one JMS message each). The messages are locked in the order of their ids.
     * A message that already has recipients (this batch is a redelivery) is left alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void distribute(List<String> messageIds, String cause) {
        List<MultimediaMessage> batch = messages.lockedByMessageIds(messageIds);
        if (batch.size() < new java.util.HashSet<>(messageIds).size()) {
            java.util.Set<String> missing = new java.util.TreeSet<>(messageIds);
            batch.forEach(m -> missing.remove(m.messageId()));
            LOG.warning(() -> "messages to distribute are not stored (ignored): " + missing);
        }
        java.util.Set<Long> started = messages.withRecipients(batch);
        List<MultimediaMessage> singleChunk = batch.stream()
                .filter(m -> m.chunks() == 1 && !started.contains(m.id())).toList();
        java.util.Map<Long, PlannedRecipients> planned = messages.planned(singleChunk);
        messages.loadContents(singleChunk);
        Instant now = Instant.now();
        for (MultimediaMessage message : batch) {
            if (started.contains(message.id())) {
                LOG.info(() -> "message " + message.messageId() + " already distributed (redelivered?)");
            } else if (message.chunks() == 1) {
                message.updateState(fanOutChunk(message, planned.get(message.id()), 0, now, cause));
            } else {
                for (int chunk = 0; chunk < message.chunks(); chunk++) {
                    fanOut.send(message.messageId(), chunk, FanOutQueue.Action.FAN_OUT, null, null, cause);
                }
                LOG.fine(() -> "message " + message.messageId() + ": " + message.chunks() + " fan-out chunks enqueued");
            }
        }
    }

    /**
     * Creates a chunk's recipients and delivers them (or schedules them), alongside other chunks of the message;
     * then asks for the message's completion step, which alone decides that it has been distributed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(String messageId, int chunk, String cause) {
        MultimediaMessage message = stored(messages.lockedForChunk(messageId, chunk), messageId);
        if (!messages.recipientsOfChunk(message, chunk).isEmpty()) {
            LOG.info(() -> "message " + messageId + " chunk " + chunk + " already fanned out (redelivered?)");
            return;
        }
        fanOutChunk(message, messages.planned(message), chunk, Instant.now(), cause);
        fanOut.send(messageId, chunk, FanOutQueue.Action.COMPLETE, null, null, cause);
    }

    /** The completion step of a chunked message: marks it distributed once none of its recipients is pending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String messageId) {
        updateState(stored(messages.lockedByMessageId(messageId), messageId));
    }

    /**
     * Creates a chunk's recipient records and delivers them, or schedules their delivery for the message's
     * EarliestDeliveryTime.
     *
     * @return how many of the chunk's recipients are handled (no longer pending)
     */
    private int fanOutChunk(MultimediaMessage message, PlannedRecipients planned, int chunk, Instant now,
            String cause) {
        boolean due = message.isDue(now);
        int handled = 0;
        List<RecipientList.Entry> entries = planned.chunk(chunk);
        java.util.Map<mm7gw.kernel.Address, DeliveryConditions> terminals = due
                ? terminals(message, entries.stream().map(RecipientList.Entry::address).toList()) : java.util.Map.of();
        mm7gw.metrics.Metrics.recipientsFannedOut(entries.size());
        for (RecipientList.Entry e : entries) {
            Recipient r = new Recipient(message, e.address(), e.kind(), chunk);
            r.writtenAs(e.writtenAs());
            if (message.isCancelled()) {
                r.cancelled(now);
            } else if (message.isExpired(now)) {
                r.expired(now);
            } else if (due && !message.deliveryConditions().metBy(met(terminals, r))) {
                r.conditionNotMet(now);
            } else if (due) {
                r.delivered(now);
            }
            messages.add(r);
            switch (r.state()) {
                case CANCELLED -> history.record(r, DeliveryOutcome.CANCELLED, "cancelled by the VASP before distribution");
                case EXPIRED -> history.record(r, DeliveryOutcome.EXPIRED, "expired before distribution");
                case DELIVERED -> delivered(r);
                case CONDITION_UNMET -> conditionNotMet(r);
                default -> {
                    // pending until the EarliestDeliveryTime
                }
            }
            if (!r.isPending()) {
                handled++;
            }
        }
        if (!due && !message.isCancelled() && !message.isExpired(now)) {
            fanOut.send(message.messageId(), chunk, FanOutQueue.Action.DELIVER,
                    Duration.between(now, message.earliestDeliveryTime()), message.earliestDeliveryTime(), cause);
        }
        return handled;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(String messageId, int chunk) {
        MultimediaMessage message = stored(messages.lockedForChunk(messageId, chunk), messageId);
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
        fanOut.send(messageId, chunk, FanOutQueue.Action.COMPLETE, null, null, null);
    }

    private void deliverChunk(MultimediaMessage message, int chunk, Instant now) {
        List<Recipient> pending = messages.recipientsOfChunk(message, chunk).stream().filter(Recipient::isPending)
                .toList();
        boolean expired = message.isExpired(now);
        java.util.Map<mm7gw.kernel.Address, DeliveryConditions> terminals = expired ? java.util.Map.of()
                : terminals(message, pending.stream().map(Recipient::address).toList());
        for (Recipient r : pending) {
            if (expired) {
                r.expired(now);
                history.record(r, DeliveryOutcome.EXPIRED, "expired before delivery");
            } else if (!message.deliveryConditions().metBy(met(terminals, r))) {
                r.conditionNotMet(now);
                conditionNotMet(r);
            } else {
                r.delivered(now);
                delivered(r);
            }
        }
    }

    /** The terminals of those recipients the directory knows to be limited, when the message has conditions. */
    private java.util.Map<mm7gw.kernel.Address, DeliveryConditions> terminals(MultimediaMessage message,
            List<mm7gw.kernel.Address> addresses) {
        return message.deliveryConditions().isEmpty() ? java.util.Map.of() : directory.terminals(addresses);
    }

    private static java.util.List<Integer> met(
            java.util.Map<mm7gw.kernel.Address, DeliveryConditions> terminals, Recipient r) {
        DeliveryConditions met = terminals.get(r.address());
        return met == null ? null : met.codes();
    }

    private void conditionNotMet(Recipient r) {
        history.record(r, DeliveryOutcome.CONDITION_NOT_MET, "not delivered: the terminal does not meet DeliveryCondition "
                + r.message().deliveryConditions().text());
    }

    private void delivered(Recipient r) {
        history.record(r, DeliveryOutcome.DELIVERED, "stored in mailbox");
        charging.record(ChargingEvent.delivered(r.charged(), DeliveryOutcome.DELIVERED.name())
                .describedBy(r.recordDetails()));
    }

    private void updateState(MultimediaMessage message) {
        em.flush();
        message.updateState(messages.countHandled(message));
    }

    private static MultimediaMessage stored(java.util.Optional<MultimediaMessage> m, String messageId) {
        return m.orElseThrow(() -> new IllegalStateException("message " + messageId + " is not stored"));
    }
}
