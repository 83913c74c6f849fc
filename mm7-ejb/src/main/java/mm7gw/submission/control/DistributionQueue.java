package mm7gw.submission.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import mm7gw.messaging.DuplicateIds;
import mm7gw.system.ServerResources;

/**
 * The JMS port through which an accepted message is handed to distribution. The send joins the caller's
 * JTA transaction: it happens if and only if the submission commits. The submission's send carries Artemis's
 * duplicate id ({@code _AMQ_DUPL_ID}) from the MessageID, so the broker drops a repeat of it; a recovery send
 * carries none (see {@link #redistribute}).
 */
@ApplicationScoped
public class DistributionQueue {
    public static final String MESSAGE_ID = "mm7MessageId";

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.SUBMISSIONS)
    Queue queue;

    /** The submission's own send, once per MessageID. */
    public void distribute(String messageId) {
        jms.createProducer().setProperty(MESSAGE_ID, messageId)
                .setProperty(DuplicateIds.PROPERTY, DuplicateIds.of("submission", messageId)).send(queue, messageId);
    }

    /**
     * A stalled message handed to distribution again. No duplicate id on purpose: in a cluster, the send the
     * crash cut off may have left its id in the broker's duplicate cache (a backup's scale-down carries that
     * cache over to the surviving node), and a recovery with the same id would be dropped for good. Distribution
     * is idempotent per chunk, so a second distribution does nothing.
     */
    public void redistribute(String messageId) {
        jms.createProducer().setProperty(MESSAGE_ID, messageId).send(queue, messageId);
    }
}
