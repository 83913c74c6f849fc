package mm7gw.relay.boundary;

/**
 * An admin's relay settings for a VASP. {@code password} is write-only; leaving it out keeps the stored one when
 * the login stays the same. {@code login} null removes the outbound credentials.
 */
public record RelayEndpointRequest(String url, String mm7Release, String login, String password,
        Integer timeoutMillis, Boolean emptyResponseIsAck) {
}
