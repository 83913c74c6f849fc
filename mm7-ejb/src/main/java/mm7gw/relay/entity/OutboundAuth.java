package mm7gw.relay.entity;

/** How the gateway presents a relay endpoint's outbound credentials: HTTP Basic (sent at once) or HTTP Digest. */
public enum OutboundAuth {
    /** RFC 7617: the credentials in every request */
    BASIC,
    /** RFC 7616: the gateway answers the VASP's 401 Digest challenge (SHA-256 or MD5, qop=auth) */
    DIGEST
}
