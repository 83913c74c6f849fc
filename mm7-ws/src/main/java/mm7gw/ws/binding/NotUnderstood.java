package mm7gw.ws.binding;

import mm7gw.wire.SoapFaults;

/**
 * A SOAP header block addressed to the gateway with mustUnderstand="1" that the gateway does not know (SOAP 1.1
 * §4.2.3): the request is not processed, and the answer is a SOAP MustUnderstand fault that names the block. The
 * only header block MM7 defines is TransactionID. As the fault concerns a header, not the body, it carries no
 * detail (SOAP 1.1 §4.4), so no RSErrorRsp either.
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

    /** The fault envelope: faultcode env:MustUnderstand, a faultstring naming the block. */
    public byte[] envelope() {
        String name = "{" + (namespace == null ? "" : namespace) + "}" + localName;
        return SoapFaults.mustUnderstand("the header block " + name
                + " is marked mustUnderstand, and the MM7 Relay/Server does not understand it");
    }
}
