package mm7gw.delivery.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.Arrays;
import java.util.List;
import mm7gw.delivery.control.Distributor;
import mm7gw.submission.control.DistributionQueue;

/**
 * Takes accepted messages off the submissions queue (many MessageIDs per JMS message, one per line) and distributes
 * them in one database transaction; the JMS message is acknowledged after that transaction has committed, not as
 * part of it. So the broker takes no part in the transaction, and a batch of messages that need no JMS send of their
 * own (one chunk of recipients, due now, no report to relay) commits in one phase, without the two-phase commit and
 * its transaction log that an XA delivery costs. Distribution is idempotent: if the node stops between the commit
 * and the acknowledgement, the broker delivers the JMS message again and the messages that already have recipients
 * are left alone. Any failure rolls the transaction back and throws, so the broker redelivers the JMS message with
 * back-off and finally moves it to the dead-letter queue. The sends a distribution makes (fan-out chunks, deferred
 * deliveries, reports to relay) still join its transaction, which then commits in two phases.
 */
@PermitAll
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class SubmissionConsumer implements MessageListener {
    @Inject
    Distributor distributor;

    @Resource
    UserTransaction transaction;

    @Override
    public void onMessage(Message message) {
        List<String> messageIds;
        String cause;
        try {
            messageIds = messageIds(message);
            cause = message.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable submission message", e);
        }
        try {
            transaction.begin();
            distributor.distribute(messageIds, cause);
            transaction.commit();
        } catch (RuntimeException e) {
            rollBack();
            throw e;
        } catch (Exception e) { // begin, or a commit that failed or rolled back
            rollBack();
            throw new IllegalStateException("distribution of " + messageIds.size() + " messages failed", e);
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException e) {
            throw new IllegalStateException("the distribution's transaction could not be rolled back", e);
        }
    }

    /** The MessageIDs a JMS message carries: one per line of its text, or (earlier versions) one in a property. */
    static List<String> messageIds(Message message) throws JMSException {
        String single = message.getStringProperty(DistributionQueue.MESSAGE_ID);
        if (single != null) {
            return List.of(single);
        }
        String text = message instanceof TextMessage t ? t.getText() : null;
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("submission message " + message.getJMSMessageID() + " names no MessageID");
        }
        return Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
