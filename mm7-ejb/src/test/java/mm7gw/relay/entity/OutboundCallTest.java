package mm7gw.relay.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import mm7gw.kernel.VaspId;
import org.junit.jupiter.api.Test;

class OutboundCallTest {
    private static OutboundCall report() {
        return new OutboundCall(OutboundKind.DELIVERY_REPORT, new VaspId("vasp"), "m1", 5L, "Number", "447700900123", "Number",
                "4455", "Retrieved", Instant.now());
    }

    @Test
    void aFailedAttemptMakesTheNextSendANewOne() {
        OutboundCall call = report();
        String first = call.duplicateId();
        assertEquals(first, call.duplicateId());
        call.attemptFailed(503, "busy");
        assertNotEquals(first, call.duplicateId());
    }

    @Test
    void twoCallsCreatedAtDifferentTimesNeverShareAnId() throws InterruptedException {
        // ids come from the database and start again after it was recreated or restored; the time tells them apart
        OutboundCall before = report();
        Thread.sleep(2);
        assertNotEquals(before.duplicateId(), report().duplicateId());
    }
}
