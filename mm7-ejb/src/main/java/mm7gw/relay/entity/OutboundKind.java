package mm7gw.relay.entity;

/** What the gateway sends to a VASP. */
public enum OutboundKind {
    /** MM7_delivery_report: what became of a submitted message for one recipient */
    DELIVERY_REPORT("DeliveryReportReq"),
    /** MM7_deliver: a subscriber's message to one of the VASP's short codes */
    DELIVER("DeliverReq"),
    /** MM7_read_reply: the recipient read (or deleted unread) the message */
    READ_REPLY("ReadReplyReq");

    private final String request;

    OutboundKind(String request) {
        this.request = request;
    }

    /** the MM7 request element */
    public String request() {
        return request;
    }
}
