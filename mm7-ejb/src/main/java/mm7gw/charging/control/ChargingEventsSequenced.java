package mm7gw.charging.control;

/**
 * Fired (synchronously, after the commit) when this node's sequencer numbered committed charging events: those of
 * {@code writer} with numbers {@code first} to {@code last}, now in the database and on the billing topic.
 */
public record ChargingEventsSequenced(String writer, long first, long last) {
    public long count() {
        return last - first + 1;
    }
}
