package mm7gw.charging.control;

/**
 * CDI event, fired (synchronously, after the commit) when this node's sequencer numbered committed charging
 * events: those of {@code writer} with numbers {@code first} to {@code last}, now in the database and on the billing
 * topic. The CDR file writer then writes them without waiting for its timer.
 */
public record ChargingEventsSequenced(String writer, long first, long last) {
    public long count() {
        return last - first + 1;
    }
}
