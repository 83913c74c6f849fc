package mm7gw.charging.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import mm7gw.charging.entity.ChargingEvent;

/**
 * A charging event as exported to admins and billing: the JSON of the admin API and of the mm7.charging topic,
 * and (same names, same order) the columns of the CSV export. Writer and sequence number are null for an event
 * its node's sequencer has not numbered yet (the admin API's view of a message may show one for a moment; the
 * topic and the exports carry numbered events only).
 */
@JsonbPropertyOrder({"eventId", "writer", "sequenceNumber", "recordType", "cdrName", "occurredAt", "vaspId",
    "vasId", "messageId", "linkedId", "sender", "recipient", "recipientCount", "messageSize", "contentType",
    "statusCode", "result", "details", "chargedParty", "priority", "messageClass", "serviceCode"})
public record ChargingEventView(long eventId, String writer, Long sequenceNumber, String recordType,
        String cdrName, Instant occurredAt, String vaspId, String vasId, String messageId, String linkedId,
        String sender, String recipient, Integer recipientCount, Long messageSize, String contentType,
        int statusCode, String result, String details, String chargedParty, String priority, String messageClass,
        String serviceCode) {

    /** the field names in export order: the JSON properties and the CSV header */
    public static final String[] FIELDS = {"eventId", "writer", "sequenceNumber", "recordType", "cdrName",
        "occurredAt", "vaspId", "vasId", "messageId", "linkedId", "sender", "recipient", "recipientCount",
        "messageSize", "contentType", "statusCode", "result", "details", "chargedParty", "priority", "messageClass",
        "serviceCode"};

    public static ChargingEventView of(ChargingEvent e) {
        return new ChargingEventView(e.id(), e.writer(), e.sequenceNumber(), e.recordType().name(),
                e.recordType().cdrName(), e.occurredAt(), e.vaspId(), e.vasId(), e.messageId(), e.linkedId(),
                e.sender(), e.recipient(), e.recipientCount(), e.messageSize(), e.contentType(), e.statusCode(),
                e.result(), e.details(), e.chargedParty(), e.priority(), e.messageClass(), e.serviceCode());
    }

    /** The values in {@link #FIELDS} order, null where the event has none. */
    public Object[] values() {
        return new Object[] {eventId, writer, sequenceNumber, recordType, cdrName, occurredAt, vaspId, vasId,
            messageId, linkedId, sender, recipient, recipientCount, messageSize, contentType, statusCode, result,
            details, chargedParty, priority, messageClass, serviceCode};
    }
}
