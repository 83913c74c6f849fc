package mm7gw.charging.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;

/**
 * A charging event as exported to admins and billing: the JSON of the admin API and of the mm7.charging topic,
 * and (same names, same order) the columns of the CSV export. The fields after serviceCode are those of the
 * TS 32.298 record the event is written as in the CDR files (recordName), so a consumer can switch over. Writer
 * and sequence number are null for an event no sequencer has numbered yet (the admin API's view of a message may
 * show one for a moment; the topic, the exports and the CDR files carry numbered events only).
 */
@JsonbPropertyOrder({"eventId", "writer", "sequenceNumber", "recordType", "cdrName", "occurredAt", "vaspId",
    "vasId", "messageId", "linkedId", "sender", "recipient", "recipientCount", "messageSize", "contentType",
    "statusCode", "result", "details", "chargedParty", "priority", "messageClass", "serviceCode", "recordName",
    "requestStatusCode", "senderType", "recipientType", "recipientKind", "recipients", "submissionTime",
    "expiryTime", "earliestDeliveryTime", "deliveryReportRequested", "readReplyRequested", "replyCharging",
    "replyDeadline", "replyChargingSize", "distributionIndicator", "chargedPartyId", "mmStatus", "mmStatusTime", "applicId", "replyApplicId",
    "auxApplicInfo", "replyChargingId"})
public record ChargingEventView(long eventId, String writer, Long sequenceNumber, String recordType,
        String cdrName, Instant occurredAt, String vaspId, String vasId, String messageId, String linkedId,
        String sender, String recipient, Integer recipientCount, Long messageSize, String contentType,
        int statusCode, String result, String details, String chargedParty, String priority, String messageClass,
        String serviceCode, String recordName, int requestStatusCode, String senderType, String recipientType,
        String recipientKind, String recipients, Instant submissionTime, Instant expiryTime,
        Instant earliestDeliveryTime, Boolean deliveryReportRequested, Boolean readReplyRequested,
        Boolean replyCharging, Instant replyDeadline, Long replyChargingSize, Boolean distributionIndicator,
        String chargedPartyId, String mmStatus, Instant mmStatusTime, String applicId, String replyApplicId,
        String auxApplicInfo, String replyChargingId) {

    /** the field names in export order: the JSON properties and the CSV header */
    public static final String[] FIELDS = {"eventId", "writer", "sequenceNumber", "recordType", "cdrName",
        "occurredAt", "vaspId", "vasId", "messageId", "linkedId", "sender", "recipient", "recipientCount",
        "messageSize", "contentType", "statusCode", "result", "details", "chargedParty", "priority", "messageClass",
        "serviceCode", "recordName", "requestStatusCode", "senderType", "recipientType", "recipientKind",
        "recipients", "submissionTime", "expiryTime", "earliestDeliveryTime", "deliveryReportRequested",
        "readReplyRequested", "replyCharging", "replyDeadline", "replyChargingSize", "distributionIndicator",
        "chargedPartyId", "mmStatus", "mmStatusTime", "applicId", "replyApplicId", "auxApplicInfo",
        "replyChargingId"};

    public static ChargingEventView of(ChargingEvent e) {
        RecordDetails d = e.recordDetails();
        return new ChargingEventView(e.id(), e.writer(), e.sequenceNumber(), e.recordType().name(),
                e.recordType().cdrName(), e.occurredAt(), e.vaspId().value(), e.vasId(), e.messageId(), e.linkedId(),
                e.sender(), e.recipient(), e.recipientCount(), e.messageSize(), e.contentType(), e.statusCode(),
                e.result(), e.details(), e.chargedParty(), e.priority(), e.messageClass(), e.serviceCode(),
                e.recordName(), e.requestStatusCode(), d.senderType(), d.recipientType(), d.recipientKind(),
                d.recipients(), d.submissionTime(), d.expiryTime(), d.earliestDeliveryTime(),
                d.deliveryReportRequested(), d.readReplyRequested(), d.replyCharging(), d.replyDeadline(),
                d.replyChargingSize(), d.distributionIndicator(), d.chargedPartyId(), d.mmStatus(), d.mmStatusTime(),
                d.applicId(), d.replyApplicId(), d.auxApplicInfo(), d.replyChargingId());
    }

    /** The values in {@link #FIELDS} order, null where the event has none. */
    public Object[] values() {
        return new Object[] {eventId, writer, sequenceNumber, recordType, cdrName, occurredAt, vaspId, vasId,
            messageId, linkedId, sender, recipient, recipientCount, messageSize, contentType, statusCode, result,
            details, chargedParty, priority, messageClass, serviceCode, recordName, requestStatusCode, senderType,
            recipientType, recipientKind, recipients, submissionTime, expiryTime, earliestDeliveryTime,
            deliveryReportRequested, readReplyRequested, replyCharging, replyDeadline, replyChargingSize,
            distributionIndicator, chargedPartyId, mmStatus, mmStatusTime, applicId, replyApplicId, auxApplicInfo,
            replyChargingId};
    }
}
