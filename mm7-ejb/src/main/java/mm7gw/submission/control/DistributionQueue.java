package mm7gw.submission.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import mm7gw.system.ServerResources;

/**
 * The JMS port through which an accepted message is handed to distribution. The send joins the caller's
 * JTA transaction: it happens if and only if the submission commits.
 */
@ApplicationScoped
public class DistributionQueue {
    public static final String MESSAGE_ID = "mm7MessageId";

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.SUBMISSIONS)
    Queue queue;

    public void distribute(String messageId) {
        jms.createProducer().setProperty(MESSAGE_ID, messageId).send(queue, messageId);
    }
}
