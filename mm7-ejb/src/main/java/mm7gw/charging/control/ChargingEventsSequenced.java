package mm7gw.charging.control;

import java.util.List;
import mm7gw.charging.entity.ChargingEvent;

/**
 * CDI event, fired (synchronously, after the commit) when this node's sequencer numbered committed charging
 * events: those of {@code writer} with numbers {@code first} to {@code last}, now in the database and on the billing
 * topic. The CDR file writer then writes them without waiting for its timer, from {@code events} (the numbered
 * events as committed, in number order) rather than reading them back.
 */
public record ChargingEventsSequenced(String writer, long first, long last, List<ChargingEvent> events) {
    public ChargingEventsSequenced {
        events = List.copyOf(events);
        if (events.size() != last - first + 1) {
            throw new IllegalArgumentException(events.size() + " events for the numbers " + first + " to " + last);
        }
    }

    public long count() {
        return last - first + 1;
    }
}
