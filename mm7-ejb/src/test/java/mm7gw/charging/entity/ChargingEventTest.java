package mm7gw.charging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mm7gw.kernel.VaspId;
import mm7gw.status.StatusCode;
import org.junit.jupiter.api.Test;

class ChargingEventTest {
    private static final String CODE = "  Wetter \u00fc \u20ac \u5929\u6c17 & <b>\t ";

    private static ChargedOperation operation() {
        return new ChargedOperation(new VaspId("vasp"), "vas", null, "link", "4455", null, 3, 120L, "text/plain", "SENDER",
                "HIGH", "INFORMATIONAL", CODE);
    }

    @Test
    void aRefusalKeepsTheServiceCodeAndTheStatus() {
        ChargingEvent e = ChargingEvent.rejected(RecordType.MM7_SUBMIT_REJECTED, operation(),
                StatusCode.ADDRESS_ERROR, "no valid recipient");
        assertEquals(CODE, e.serviceCode());
        assertEquals(2002, e.statusCode());
        assertEquals("REJECTED", e.result());
        assertEquals("no valid recipient", e.details());
        assertEquals(3, e.recipientCount());
        assertEquals(120L, e.messageSize());
    }

    @Test
    void aRefusalNeedsAnErrorStatus() {
        assertThrows(IllegalArgumentException.class,
                () -> ChargingEvent.rejected(RecordType.MM7_CANCEL, operation(), StatusCode.SUCCESS, null));
    }

    @Test
    void anEventIsSequencedOnce() {
        ChargingEvent e = ChargingEvent.of(RecordType.MM7_DELIVER, operation(), StatusCode.SUCCESS, "DELIVERED", null);
        e.sequence("node-1", 7);
        assertEquals("node-1", e.writer());
        assertEquals(7, e.sequenceNumber());
        assertThrows(IllegalStateException.class, () -> e.sequence("node-1", 8));
    }

    @Test
    void theDuplicateIdOfAnEventIsItsOwnAndStaysTheSame() throws InterruptedException {
        ChargingEvent e = ChargingEvent.of(RecordType.MM7_DELIVER, operation(), StatusCode.SUCCESS, "DELIVERED", null);
        assertThrows(IllegalStateException.class, e::duplicateId, "no id before the event has its number");
        e.sequence("node-1", 7);
        assertEquals(e.duplicateId(), e.duplicateId());
        assertTrue(e.duplicateId().startsWith("charging|node-1|7|"), e.duplicateId());

        // the same writer and number again, as after the database was recreated or restored: a different send
        Thread.sleep(2);
        ChargingEvent again = ChargingEvent.of(RecordType.MM7_DELIVER, operation(), StatusCode.SUCCESS, "DELIVERED", null);
        again.sequence("node-1", 7);
        assertNotEquals(e.duplicateId(), again.duplicateId());
    }

    @Test
    void longDetailsAreShortenedButNeverTheServiceCode() {
        ChargingEvent e = ChargingEvent.rejected(RecordType.MM7_SUBMIT_REJECTED, operation(),
                StatusCode.VALIDATION_ERROR, "x".repeat(5000));
        assertEquals(2000, e.details().length());
        assertTrue(e.details().endsWith("\u2026"));
        assertEquals(CODE, e.serviceCode());
    }

    @Test
    void theWriterCounterCountsFromOne() {
        ChargingWriter w = new ChargingWriter("node-1");
        assertEquals(1, w.next());
        assertEquals(2, w.next());
        assertEquals(2, w.lastSequenceNumber());
    }
}
