package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Arrays;
import java.util.List;
import mm7gw.delivery.control.Distributor;
import mm7gw.submission.control.DistributionQueue;

/**
 * Takes accepted messages off the submissions queue (many MessageIDs per JMS message, one per line) and distributes
 * them, all in one transaction. Any failure rolls the transaction back, so the broker redelivers the JMS message
 * with back-off and finally moves it to the dead-letter queue.
 */
@PermitAll
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class SubmissionConsumer implements MessageListener {
    @Inject
    Distributor distributor;

    @Override
    public void onMessage(Message message) {
        try {
            distributor.distribute(messageIds(message), message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable submission message", e);
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
