package mm7gw.relay.control;

import mm7gw.kernel.ApplicationAddress;
import mm7gw.relay.entity.MoMessage;
import mm7gw.relay.entity.OutboundCall;
import mm7gw.relay.entity.OutboundKind;
import mm7gw.wire.VaspRequest;

/**
 * What an outbound call asks of the VASP, as the wire layer ({@link mm7gw.wire.VaspRequests}) writes it: a delivery
 * report or read reply about one recipient of a submitted message, or an MO message.
 */
final class OutboundRequests {
    /** Content-ID of the text part of an MO message's SwA request */
    static final String MO_TEXT_CID = "mo-text";
    private static final String CONDITION_NOT_MET = "DeliveryConditionNotMet";

    private OutboundRequests() {
    }

    /**
     * A DeliveryReportReq or ReadReplyReq. The Sender is the one the call recorded (the submit's, else the VASP's
     * registered sender address), or the VASP ID as a short code for a call recorded before there was one.
     *
     * @param application the message's application addressing (null: none), passed back to the VASP
     */
    static VaspRequest report(OutboundCall call, ApplicationAddress application) {
        VaspRequest.Address recipient = VaspRequest.Address.of(call.recipientType(), call.recipient());
        VaspRequest.Address sender = call.sender() == null
                ? VaspRequest.Address.of("SHORT_CODE", call.vaspId().value())
                : VaspRequest.Address.of(call.senderType(), call.sender());
        String statusText = CONDITION_NOT_MET.equals(call.mmStatus())
                ? "the recipient's terminal does not meet the DeliveryCondition" : null;
        VaspRequest.Application app = application == null || application.isEmpty() ? VaspRequest.Application.NONE
                : new VaspRequest.Application(application.applicId(), application.replyApplicId(),
                        application.auxApplicInfo());
        return call.kind() == OutboundKind.DELIVERY_REPORT
                ? new VaspRequest.DeliveryReport(call.messageId(), recipient, sender, call.eventAt(), call.mmStatus(),
                        statusText, app)
                : new VaspRequest.ReadReply(call.messageId(), recipient, sender, call.eventAt(), call.mmStatus(),
                        statusText, app);
    }

    /** A DeliverReq for an MO message; its text, if any, is the attachment {@link #MO_TEXT_CID}. */
    static VaspRequest deliver(MoMessage mo) {
        return new VaspRequest.Deliver(mo.linkedId(), VaspRequest.Address.of("NUMBER", mo.sender()),
                VaspRequest.Address.of("SHORT_CODE", mo.shortCode()), mo.receivedAt(), mo.replyChargingId(),
                mo.subject(), mo.text() == null ? null : "cid:" + MO_TEXT_CID);
    }
}
