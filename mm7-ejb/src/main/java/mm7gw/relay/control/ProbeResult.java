package mm7gw.relay.control;

import java.time.Instant;

/**
 * What a probe of a VASP's relay endpoint found. {@code reachable}: a TCP connection was made. {@code tls}: null
 * for an http URL, else whether the TLS handshake succeeded with the endpoint's trusted certificates (or the JVM's
 * trust store), with {@code tlsDetail} (protocol and the VASP's certificate, or why it failed). {@code httpStatus}:
 * the status of the probe request, null without an answer. {@code credentials}: ACCEPTED, REFUSED (401/403 with
 * the outbound credentials), REQUIRED (401 and none configured), NOT_CONFIGURED, or UNKNOWN (no answer).
 * {@code ok}: the endpoint answered and did not refuse the gateway.
 */
public record ProbeResult(String vaspId, String url, String method, Instant at, boolean reachable, Boolean tls,
        String tlsDetail, Integer httpStatus, Credentials credentials, long latencyMillis, boolean ok,
        String summary) {

    public enum Credentials {
        ACCEPTED, REFUSED, REQUIRED, NOT_CONFIGURED, UNKNOWN
    }
}
