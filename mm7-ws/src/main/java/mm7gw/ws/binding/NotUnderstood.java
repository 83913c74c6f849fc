package mm7gw.ws.binding;

/**
 * A SOAP header block addressed to the gateway with mustUnderstand="1" that the gateway does not know (SOAP 1.1
 * §4.2.3): the request is not processed, and the answer is a SOAP MustUnderstand fault that names the block
 * ({@link Mm7Fault#notUnderstood}). The only header block MM7 defines is TransactionID.
 */
public class NotUnderstood extends Exception {
    private final String namespace;
    private final String localName;

    public NotUnderstood(String namespace, String localName) {
        super("header block {" + (namespace == null ? "" : namespace) + "}" + localName + " not understood", null,
                false, false);
        this.namespace = namespace;
        this.localName = localName;
    }

    /** The fault to answer with. */
    Mm7Fault fault() {
        return Mm7Fault.notUnderstood("{" + (namespace == null ? "" : namespace) + "}" + localName);
    }
}
