package mm7gw.relay.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.messaging.DuplicateIds;
import mm7gw.system.ServerResources;

/**
 * The JMS port of every call to a VASP: queue {@code mm7.outbound}, sent in the caller's transaction. Calls about
 * the same message share a JMS group (JMSXGroupID = MessageID), so one consumer takes them in order. The
 * duplicate id is the call's id with its attempts so far: a replay after failed attempts is a new send.
 */
@ApplicationScoped
public class OutboundQueue {
    public static final String CALL_ID = "mm7OutboundCall";

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.OUTBOUND)
    Queue queue;

    public void enqueue(OutboundCall call) {
        jms.createProducer().setProperty(CALL_ID, call.id()).setProperty("JMSXGroupID", call.messageId())
                .setProperty(DuplicateIds.PROPERTY, call.duplicateId())
                .send(queue, call.messageId());
    }
}
