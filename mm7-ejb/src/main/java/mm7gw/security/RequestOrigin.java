package mm7gw.security;

/**
 * Where an MM7 request came from, as the web layer saw it: the client's IP address, whether it arrived over
 * TLS, and the HTTP authentication mechanism that identified the caller ("BASIC", "DIGEST", "CLIENT_CERT").
 * The EJB layer enforces the service level against it.
 */
public record RequestOrigin(String clientAddress, boolean tls, String authMechanism) {
    /** For callers that cannot tell: no address, not TLS, no mechanism; restricted service levels refuse it. */
    public static final RequestOrigin UNKNOWN = new RequestOrigin(null, false, null);
}
