package mm7gw.charging.control;

/**
 * CDI event: charging events of this node now have their writer and sequence numbers, up to and including
 * {@code lastSequenceNumber}, and those numbers are committed. The charging sequencer fires it after its
 * transaction; the CDR file writer then writes them without waiting for its timer.
 */
public record ChargingEventsSequenced(String writer, long lastSequenceNumber) {
}
