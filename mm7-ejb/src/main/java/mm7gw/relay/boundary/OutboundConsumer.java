package mm7gw.relay.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import mm7gw.relay.control.OutboundQueue;
import mm7gw.relay.control.OutboundSender;

/**
 * Takes calls to VASPs off {@code mm7.outbound} and makes them. An attempt that must be retried rolls the
 * transaction back: the broker redelivers with the back-off of {@code jms.queue.mm7.outbound} and finally moves
 * the call to {@code mm7.dlq}, from where an admin can replay it.
 */
@PermitAll
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class OutboundConsumer implements MessageListener {
    @Inject
    OutboundSender sender;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        long callId;
        try {
            callId = message.getLongProperty(OutboundQueue.CALL_ID);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable outbound message", e);
        }
        if (!sender.attempt(callId)) {
            context.setRollbackOnly();
        }
    }
}
