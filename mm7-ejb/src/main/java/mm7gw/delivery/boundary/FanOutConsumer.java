package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import mm7gw.delivery.control.Distributor;
import mm7gw.submission.control.FanOutQueue;

/**
 * Works through one chunk of a message's recipients per JMS message, each in its own transaction. A failure
 * rolls the chunk back and the broker redelivers it with back-off (then dead-letters it).
 */
@PermitAll
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class FanOutConsumer implements MessageListener {
    @Inject
    Distributor distributor;

    @Override
    public void onMessage(Message message) {
        try {
            String messageId = message.getStringProperty(FanOutQueue.MESSAGE_ID);
            int chunk = message.getIntProperty(FanOutQueue.CHUNK);
            switch (FanOutQueue.Action.valueOf(message.getStringProperty(FanOutQueue.ACTION))) {
                case FAN_OUT -> distributor.fanOut(messageId, chunk, message.getJMSMessageID());
                case DELIVER -> distributor.deliver(messageId, chunk);
                case COMPLETE -> distributor.complete(messageId);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable fan-out message", e);
        }
    }
}
