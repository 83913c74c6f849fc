package mm7gw.wire;

import java.time.Instant;

/**
 * A request the gateway (the MMS Relay/Server) sends a VASP, as the business states it; {@link VaspRequests} writes
 * it in the VASP's release from the generated types. Optional values are null when absent.
 */
public sealed interface VaspRequest permits VaspRequest.DeliveryReport, VaspRequest.ReadReply, VaspRequest.Deliver {

    /** the MM7 request element (DeliveryReportReq, ...) */
    String requestElement();

    /** the response element the VASP must answer with (DeliveryReportRsp, ...) */
    default String responseElement() {
        return requestElement().substring(0, requestElement().length() - "Req".length()) + "Rsp";
    }

    /** An address of a request: a number, a short code or an RFC 2822 address. */
    record Address(Kind kind, String value) {
        public enum Kind { NUMBER, SHORT_CODE, EMAIL }

        /** @param kind the name of a {@link Kind} (as the relay stores it); anything else is a short code */
        public static Address of(String kind, String value) {
            Kind k = switch (kind == null ? "" : kind) {
                case "NUMBER" -> Kind.NUMBER;
                case "EMAIL" -> Kind.EMAIL;
                default -> Kind.SHORT_CODE;
            };
            return new Address(k, value);
        }
    }

    /**
     * Application addressing (Release 6): the message's ApplicID, ReplyApplicID and AuxApplicInfo, passed back to the
     * VASP in its reports; written only to a VASP whose release has them.
     */
    record Application(String applicId, String replyApplicId, String auxApplicInfo) {
        public static final Application NONE = new Application(null, null, null);
    }

    /** MM7_delivery_report (TS 23.140 §8.7.4.1): what became of a submitted message for one recipient. */
    record DeliveryReport(String messageId, Address recipient, Address sender, Instant date, String mmStatus,
            String statusText, Application application) implements VaspRequest {
        @Override
        public String requestElement() {
            return "DeliveryReportReq";
        }
    }

    /** MM7_read_reply (§8.7.5.1): the recipient read (or deleted unread) the message. */
    record ReadReply(String messageId, Address recipient, Address sender, Instant timeStamp, String mmStatus,
            String statusText, Application application) implements VaspRequest {
        @Override
        public String requestElement() {
            return "ReadReplyReq";
        }
    }

    /**
     * MM7_deliver (§8.7.2.1): a subscriber's message to one of the VASP's short codes; its content, if any, travels
     * as the SwA attachment the Content element names (contentHref, e.g. cid:mo-text).
     */
    record Deliver(String linkedId, Address sender, Address recipient, Instant timeStamp, String replyChargingId,
            String subject, String contentHref) implements VaspRequest {
        @Override
        public String requestElement() {
            return "DeliverReq";
        }
    }
}
