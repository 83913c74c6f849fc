package mm7gw.charging.control;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mm7gw.charging.entity.ChargedOperation;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordDetails;
import mm7gw.charging.entity.RecordType;
import mm7gw.kernel.Address;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ApplicationAddress;
import mm7gw.kernel.RecipientKind;
import mm7gw.kernel.VaspId;
import mm7gw.status.StatusCode;

/**
 * Charging events of every record type as the sequencer numbers them, with fixed ids and times: one with every
 * field the gateway stores set (odd characters included), one with as few as possible, and a few in between.
 */
final class ChargingEventSamples {
    static final String ODD = "  \"q\" \\ / <b>&amp; \u00fc\u20ac\u5929\u6c17 \ud83d\ude00 \u0000\u0001\u001f\u007f\u2028\u2029\r\n\t end ";

    private ChargingEventSamples() {
    }

    static Map<String, ChargingEvent> all() {
        Map<String, ChargingEvent> samples = new LinkedHashMap<>();
        long id = 1000;
        for (RecordType type : RecordType.values()) {
            samples.put(type + "/full", numbered(full(type), id++, 7 + id, Instant.parse("2026-01-31T10:15:30.123456Z")));
            samples.put(type + "/sparse", numbered(sparse(type), id++, 7 + id, Instant.parse("2026-02-28T23:59:59Z")));
            samples.put(type + "/odd", numbered(odd(type), id++, Long.MAX_VALUE - id,
                    Instant.parse("2099-12-31T00:00:00.100Z")));
        }
        samples.put("MM7_SUBMIT/no-id", numbered(sparse(RecordType.MM7_SUBMIT), null, 1, Instant.parse("2030-06-01T12:00:00.000001Z")));
        samples.put("MM7_SUBMIT/many-recipients", numbered(manyRecipients(), 5000L, 5000,
                Instant.parse("2026-03-01T00:00:00Z")));
        return samples;
    }

    private static ChargingEvent full(RecordType type) {
        ChargedOperation op = new ChargedOperation(new VaspId("vasp-1"), "vas-1", "msg-1", "link-1", "447700900123",
                "447700900301", 3, 123456L, "multipart/related; type=\"application/smil\"", "RECIPIENT", "HIGH",
                "INFORMATIONAL", "svc-7");
        RecordDetails d = RecordDetails.request(AddressType.NUMBER, Instant.parse("2026-01-31T10:15:29.5Z"),
                Instant.parse("2026-02-01T10:15:29Z"), Instant.parse("2026-01-31T11:00:00Z"), true, true)
                .withRecipient(Address.number("447700900301"), RecipientKind.CC)
                .withRecipients(List.of(new RecordDetails.ListedRecipient(RecipientKind.TO, AddressType.NUMBER, "447700900301"),
                        new RecordDetails.ListedRecipient(RecipientKind.CC, AddressType.EMAIL, "a@example.net"),
                        new RecordDetails.ListedRecipient(RecipientKind.BCC, AddressType.SHORT_CODE, "4455"),
                        new RecordDetails.ListedRecipient(RecipientKind.TO, AddressType.NUMBER, "12345678901234567")))
                .withChargedPartyId("third-party-9").withApplication(new ApplicationAddress("app", "reply-app", "aux"))
                .withReplyCharging(2048L, Instant.parse("2026-02-02T00:00:00Z")).withReplyChargingId("msg-0")
                .withDistributionIndicator(true).withMmStatus("Retrieved", Instant.parse("2026-01-31T10:20:00.000001Z"));
        return ChargingEvent.of(type, op, StatusCode.SUCCESS, "DELIVERED", "1000 Success: all fine").describedBy(d);
    }

    private static ChargingEvent sparse(RecordType type) {
        ChargedOperation op = new ChargedOperation(new VaspId("v"), null, null, null, null, null, null, null, null,
                null, null, null, null);
        // the MM status and its time: mandatory in the records of reports and reads
        return ChargingEvent.rejected(type, op, StatusCode.ADDRESS_ERROR, null)
                .describedBy(RecordDetails.addresses(null, null).withMmStatus("Expired", Instant.parse("2026-02-28T23:00:00Z")));
    }

    private static ChargingEvent odd(RecordType type) {
        ChargedOperation op = new ChargedOperation(new VaspId("Vasp_9.x-y"), ODD, "m\u20ac", ODD, "a\"b@example.net",
                "4455", 0, 0L, ODD, "THIRD_PARTY", "LOW", "AUTO", ODD);
        RecordDetails d = RecordDetails.addresses(null, null).withChargedPartyId(ODD)
                .withApplication(new ApplicationAddress(ODD, "", ODD)).withMmStatus("DeliveryConditionNotMet", null)
                .withDistributionIndicator(false);
        return ChargingEvent.of(type, op, StatusCode.SUCCESS, ODD, ODD).describedBy(d);
    }

    private static ChargingEvent manyRecipients() {
        ChargedOperation op = new ChargedOperation(new VaspId("vasp-1"), "vas-1", "msg-1", null, "4455", null, 1000,
                10L, "text/plain", "SENDER", "NORMAL", "PERSONAL", "svc");
        List<RecordDetails.ListedRecipient> listed = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            listed.add(i % 2 == 0
                    ? new RecordDetails.ListedRecipient(RecipientKind.TO, AddressType.NUMBER, "4477009" + (10000 + i))
                    : new RecordDetails.ListedRecipient(RecipientKind.BCC, AddressType.EMAIL, "r" + (10000 + i) + "@mail.example.org"));
        }
        RecordDetails d = RecordDetails.request(AddressType.SHORT_CODE, Instant.parse("2026-03-01T00:00:00Z"), null,
                null, false, false).withRecipients(listed);
        return ChargingEvent.submitted(op, StatusCode.SUCCESS).describedBy(d);
    }

    private static ChargingEvent numbered(ChargingEvent e, Long id, long sequenceNumber, Instant occurredAt) {
        set(e, "id", id);
        set(e, "occurredAt", occurredAt);
        e.sequence("node-1", sequenceNumber);
        return e;
    }

    private static void set(ChargingEvent e, String field, Object value) {
        try {
            Field f = ChargingEvent.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(e, value);
        } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(x);
        }
    }
}
