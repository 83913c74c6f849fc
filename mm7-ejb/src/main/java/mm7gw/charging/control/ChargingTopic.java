package mm7gw.charging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.List;
import mm7gw.charging.boundary.ChargingEventView;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.messaging.DuplicateIds;
import mm7gw.system.ServerResources;

/**
 * Publishes charging events to billing on the JMS topic mm7.charging as JSON text messages. The send joins
 * the caller's JTA transaction, so subscribers see an event if and only if it was committed. Each message
 * carries the properties vaspId, recordType, writer and sequenceNumber for selectors; writer and sequence number
 * are also its duplicate id (one event per number).
 */
@ApplicationScoped
public class ChargingTopic {
    public static final String JNDI = ServerResources.CHARGING;
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    JMSContext jms;

    @Resource(lookup = JNDI)
    Topic topic;

    /** Publishes the events in their order, through one producer (its properties set anew for each message). */
    public void publish(List<ChargingEvent> events) {
        JMSProducer producer = jms.createProducer();
        for (ChargingEvent event : events) {
            producer.clearProperties()
                    .setProperty("vaspId", event.vaspId().value())
                    .setProperty("recordType", event.recordType().name())
                    .setProperty("writer", event.writer())
                    .setProperty("sequenceNumber", event.sequenceNumber())
                    .setProperty(DuplicateIds.PROPERTY, event.duplicateId())
                    .send(topic, toJson(event));
        }
    }

    public static String toJson(ChargingEvent event) {
        return JSON.toJson(ChargingEventView.of(event));
    }
}
