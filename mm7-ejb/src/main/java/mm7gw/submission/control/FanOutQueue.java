package mm7gw.submission.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import mm7gw.messaging.DuplicateIds;
import mm7gw.system.ServerResources;

/**
 * The JMS port of the fan-out: one message per chunk of a message's recipients, either to create and deliver
 * them or, later, to deliver them. Sends join the caller's JTA transaction. A delayed send uses the broker's
 * scheduled delivery, which Artemis persists with the message, so a delay survives a restart. A send with a
 * {@code cause} (what made it: the JMS message being consumed, a replace's TransactionID) carries a duplicate id
 * built from message, chunk, action, due time and cause, so the same step repeated is dropped by the broker.
 */
@ApplicationScoped
public class FanOutQueue {
    public static final String MESSAGE_ID = "mm7MessageId";
    public static final String CHUNK = "mm7Chunk";
    public static final String ACTION = "mm7Action";

    public enum Action {
        /** create the chunk's recipients, then deliver them (now or when due) */
        FAN_OUT,
        /** deliver the chunk's pending recipients if the message is due */
        DELIVER,
        /** after a chunk: mark the message distributed if none of its recipients is pending any more */
        COMPLETE
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.FANOUT)
    Queue queue;

    /**
     * @param due   when the chunk is due (null: now); part of the duplicate id
     * @param cause what the send follows from, or null for a send without duplicate id
     */
    public void send(String messageId, int chunk, Action action, Duration delay, Object due, String cause) {
        JMSProducer producer = jms.createProducer().setProperty(MESSAGE_ID, messageId).setProperty(CHUNK, chunk)
                .setProperty(ACTION, action.name());
        if (cause != null) {
            producer.setProperty(DuplicateIds.PROPERTY, DuplicateIds.of("fanout", messageId, chunk, action, due, cause));
        }
        if (delay != null && !delay.isNegative() && !delay.isZero()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        producer.send(queue, messageId + "#" + chunk);
    }
}
