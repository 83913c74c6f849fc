package mm7gw.charging.boundary;

import java.time.Instant;
import mm7gw.charging.entity.ChargingEvent;

/** A charging event as exported to admins and billing. */
public record ChargingEventView(long id, String recordType, String cdrName, Instant occurredAt, String vaspId,
        String vasId, String messageId, String linkedId, String sender, String recipient, Integer recipientCount,
        int statusCode, String result, String chargedParty, String priority, String messageClass,
        String serviceCode) {

    public static ChargingEventView of(ChargingEvent e) {
        return new ChargingEventView(e.id(), e.recordType().name(), e.recordType().cdrName(), e.occurredAt(),
                e.vaspId(), e.vasId(), e.messageId(), e.linkedId(), e.sender(), e.recipient(), e.recipientCount(),
                e.statusCode(), e.result(), e.chargedParty(), e.priority(), e.messageClass(), e.serviceCode());
    }
}
