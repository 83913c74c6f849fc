package mm7gw.relay.control;

import java.time.temporal.ChronoUnit;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundKind;

/**
 * Writes the SOAP 1.1 envelopes of the RS -> VASP requests (TS 23.140 §8.7.4.1 DeliveryReportReq, §8.7.5.1
 * ReadReplyReq) directly in the namespace of the release the VASP speaks, with that release's MM7Version.
 */
public final class OutboundEnvelopes {
    private OutboundEnvelopes() {
    }

    public static String of(OutboundCall call, String release, String relayServerId, String transactionId) {
        String ns = RelayReleases.namespace(release);
        String time = call.eventAt().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder body = new StringBuilder();
        body.append("   <MM7Version>").append(RelayReleases.mm7Version(release)).append("</MM7Version>\n");
        body.append("   <MMSRelayServerID>").append(escape(relayServerId)).append("</MMSRelayServerID>\n");
        body.append("   <MessageID>").append(escape(call.messageId())).append("</MessageID>\n");
        body.append("   <Recipient>").append(address(call.recipientType(), call.recipient())).append("</Recipient>\n");
        body.append("   <Sender>").append(address(call.senderType() == null ? "SHORT_CODE" : call.senderType(),
                call.sender() == null ? call.vaspId() : call.sender())).append("</Sender>\n");
        body.append(call.kind() == OutboundKind.DELIVERY_REPORT ? "   <Date>" : "   <TimeStamp>").append(time)
                .append(call.kind() == OutboundKind.DELIVERY_REPORT ? "</Date>\n" : "</TimeStamp>\n");
        body.append("   <MMStatus>").append(mmStatus(call.mmStatus(), release)).append("</MMStatus>\n");
        if ("DeliveryConditionNotMet".equals(call.mmStatus())) {
            body.append("   <StatusText>the recipient's terminal does not meet the DeliveryCondition</StatusText>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <%3$s xmlns="%1$s">
                %4$s  </%3$s>
                 </env:Body>
                </env:Envelope>
                """.formatted(ns, escape(transactionId), call.kind().request(), body);
    }

    /**
     * The MMStatus as the VASP's release has it: DeliveryConditionNotMet is Release 6 (TS 23.140 §8.7.4); a Release
     * 5 VASP, whose schema does not know it, is told Rejected (with the reason in StatusText).
     */
    static String mmStatus(String mmStatus, String release) {
        return "DeliveryConditionNotMet".equals(mmStatus) && release.startsWith("REL-5-") ? "Rejected" : mmStatus;
    }

    /** Content-ID of the text part of an MO message's SwA request */
    public static final String MO_TEXT_CID = "mo-text";

    /** A DeliverReq (§8.7.2.1) for an MO message; its text, if any, is the attachment {@link #MO_TEXT_CID}. */
    public static String deliver(MoMessage mo, String release, String relayServerId, String transactionId) {
        String ns = RelayReleases.namespace(release);
        StringBuilder body = new StringBuilder();
        body.append("   <MM7Version>").append(RelayReleases.mm7Version(release)).append("</MM7Version>\n");
        body.append("   <MMSRelayServerID>").append(escape(relayServerId)).append("</MMSRelayServerID>\n");
        body.append("   <LinkedID>").append(escape(mo.linkedId())).append("</LinkedID>\n");
        body.append("   <Sender>").append(address("NUMBER", mo.sender())).append("</Sender>\n");
        body.append("   <Recipients><To>").append(address("SHORT_CODE", mo.shortCode())).append("</To></Recipients>\n");
        body.append("   <TimeStamp>").append(mo.receivedAt().truncatedTo(ChronoUnit.SECONDS)).append("</TimeStamp>\n");
        if (mo.replyChargingId() != null) {
            body.append("   <ReplyChargingID>").append(escape(mo.replyChargingId())).append("</ReplyChargingID>\n");
        }
        if (mo.subject() != null) {
            body.append("   <Subject>").append(escape(mo.subject())).append("</Subject>\n");
        }
        if (mo.text() != null) {
            body.append("   <Content href=\"cid:" + MO_TEXT_CID + "\"/>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
                 <env:Header>
                  <mm7:TransactionID xmlns:mm7="%1$s" env:mustUnderstand="1">%2$s</mm7:TransactionID>
                 </env:Header>
                 <env:Body>
                  <DeliverReq xmlns="%1$s">
                %3$s  </DeliverReq>
                 </env:Body>
                </env:Envelope>
                """.formatted(ns, escape(transactionId), body);
    }

    private static String address(String type, String value) {
        String element = switch (type) {
            case "NUMBER" -> "Number";
            case "EMAIL" -> "RFC2822Address";
            default -> "ShortCode";
        };
        return "<" + element + ">" + escape(value) + "</" + element + ">";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
