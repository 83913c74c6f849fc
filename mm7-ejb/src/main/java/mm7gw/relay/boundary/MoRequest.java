package mm7gw.relay.boundary;

/** A subscriber's message to a VASP's short code (the simulated MM1 submission of an MO message). */
public record MoRequest(String to, String subject, String text) {
}
