package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import mm7gw.delivery.control.Distributor;
import mm7gw.submission.control.DistributionQueue;

/**
 * Takes accepted submissions off the queue and splits their distribution into fan-out chunks. Any failure
 * rolls the transaction back, so the broker redelivers the message with back-off and finally moves it to the
 * dead-letter queue.
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
            distributor.plan(message.getStringProperty(DistributionQueue.MESSAGE_ID), message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable submission message", e);
        }
    }
}
