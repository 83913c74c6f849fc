package mm7gw.ws.binding;

/**
 * How much request body the binding reads from a VASP account. The service level limits the content of a message
 * ({@code maxMessageSize}, decoded bytes); a request also carries its envelope and MIME headers, and its content may
 * be transfer-encoded (base64 adds a third, its line breaks a little more). So an account may send the largest
 * content any of its levels allows, half as much again, plus {@value #ALLOWANCE_PROPERTY} (default 1 MiB: the
 * envelope, room for about 10,000 recipient addresses); never more than the server-wide {@value #SERVER_WIDE_PROPERTY}
 * (20 MB), which also applies where the levels set no size limit. The binding reads no further
 * ({@link BoundedBody}): a body over the limit is refused with 2004 on its declared length before one byte is read,
 * or at the first byte beyond it while it streams in.
 *
 * @param bytes the most bytes of body read
 * @param rule  what the limit is and where it comes from, for the VASP (says "at most {bytes} bytes")
 */
record RequestSizeLimit(long bytes, String rule) {
    static final String SERVER_WIDE_PROPERTY = "mm7.max-request-size";
    static final String ALLOWANCE_PROPERTY = "mm7.request.envelope-allowance";
    static final long SERVER_WIDE = Long.getLong(SERVER_WIDE_PROPERTY, 20L * 1024 * 1024);
    static final long ENVELOPE_ALLOWANCE = Long.getLong(ALLOWANCE_PROPERTY, 1024L * 1024);

    /** The server-wide limit: for a VASP whose levels set no message size, or whose levels cannot be read. */
    static RequestSizeLimit serverWide() {
        return new RequestSizeLimit(SERVER_WIDE, "the gateway takes at most " + SERVER_WIDE
                + " bytes per request (envelope and attachments together)");
    }

    /** The limit for an account whose service levels allow at most {@code largestMessageSize} bytes of content. */
    static RequestSizeLimit forContent(long largestMessageSize) {
        if (largestMessageSize >= SERVER_WIDE) {
            return serverWide();
        }
        long bytes = largestMessageSize + largestMessageSize / 2 + ENVELOPE_ALLOWANCE;
        if (bytes >= SERVER_WIDE) {
            return serverWide();
        }
        return new RequestSizeLimit(bytes, "the service levels of this VASP allow at most " + largestMessageSize
                + " bytes of content, so the gateway takes at most " + bytes + " bytes per request from it (the content"
                + " and half as much again for its transfer encoding, plus " + ENVELOPE_ALLOWANCE
                + " bytes for the envelope)");
    }
}
