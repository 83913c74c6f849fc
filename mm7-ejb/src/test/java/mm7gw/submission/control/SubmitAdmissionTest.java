package mm7gw.submission.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mm7gw.kernel.AddressType;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.Priority;
import mm7gw.kernel.RecipientKind;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand;
import mm7gw.vasp.entity.AuthMechanism;
import mm7gw.vasp.entity.Operation;
import mm7gw.vasp.entity.ServiceLevel;
import org.junit.jupiter.api.Test;

class SubmitAdmissionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ServiceLevel.Terms terms(Long size, Integer recipients, List<String> senders, Set<Priority> priorities,
            Set<ChargedParty> charged, Duration expiry, boolean reports, boolean readReply) {
        return new ServiceLevel.Terms(EnumSet.allOf(Operation.class), EnumSet.of(AuthMechanism.BASIC), size, recipients,
                senders, priorities, charged, expiry, reports, readReply, false, List.of(), null, null, false, false).validate();
    }

    private static SubmitCommand command(int recipients, String shortCode, Priority priority, ChargedParty charged,
            Instant expiry, boolean report, boolean readReply, byte[] content) {
        List<SubmitCommand.RecipientInput> to = new java.util.ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            to.add(new SubmitCommand.RecipientInput(RecipientKind.TO, AddressType.NUMBER, "4477009000" + (10 + i), false));
        }
        to.add(new SubmitCommand.RecipientInput(RecipientKind.TO, AddressType.NUMBER, "447700900999", true));
        return new SubmitCommand("tx", "v", "s", shortCode == null ? null
                : new SubmitCommand.AddressInput(AddressType.SHORT_CODE, shortCode), to, null, null, null, null, expiry,
                report, readReply, priority, "subject", charged,
                content == null ? null : new SubmitCommand.ContentInput("text/plain", content), null);
    }

    private static StatusCode refusal(SubmitCommand c, ServiceLevel.Terms t) {
        Mm7Rejection e = assertThrows(Mm7Rejection.class,
                () -> SubmitAdmission.check(c, SubmitAdmission.recipientCount(c), t, NOW));
        assertTrue(e.details().length() > 10, e.details());
        return e.status();
    }

    @Test
    void eachLimitAtItsValueIsAdmittedAndOneBeyondIsRefused() {
        ServiceLevel.Terms t = terms(10L, 2, List.of("4455"), Set.of(Priority.NORMAL), Set.of(ChargedParty.SENDER),
                Duration.ofHours(1), false, false);
        SubmitCommand ok = command(2, "4455", null, ChargedParty.SENDER, NOW.plus(Duration.ofHours(1)), false, false,
                new byte[10]);
        assertEquals(2, SubmitAdmission.recipientCount(ok), "display-only recipients do not count");
        assertDoesNotThrow(() -> SubmitAdmission.check(ok, 2, t, NOW));

        assertEquals(StatusCode.CONTENT_REFUSED, refusal(command(1, "4455", null, null, null, false, false, new byte[11]), t));
        assertEquals(StatusCode.MESSAGE_REJECTED, refusal(command(3, "4455", null, null, null, false, false, null), t));
        assertEquals(StatusCode.OPERATION_RESTRICTED, refusal(command(1, "4456", null, null, null, false, false, null), t));
        assertEquals(StatusCode.MESSAGE_REJECTED, refusal(command(1, "4455", Priority.HIGH, null, null, false, false, null), t));
        assertEquals(StatusCode.MESSAGE_REJECTED,
                refusal(command(1, "4455", null, ChargedParty.RECIPIENT, null, false, false, null), t));
        assertEquals(StatusCode.MESSAGE_REJECTED, refusal(command(1, "4455", null, null,
                NOW.plus(Duration.ofHours(1)).plusSeconds(1), false, false, null), t));
        assertEquals(StatusCode.MESSAGE_REJECTED, refusal(command(1, "4455", null, null, null, true, false, null), t));
        assertEquals(StatusCode.MESSAGE_REJECTED, refusal(command(1, "4455", null, null, null, false, true, null), t));
    }

    @Test
    void noLimitsAdmitEverything() {
        ServiceLevel.Terms t = terms(null, null, List.of(), Set.of(), Set.of(), null, true, true);
        assertDoesNotThrow(() -> SubmitAdmission.check(command(500, "9999", Priority.LOW, ChargedParty.BOTH,
                NOW.plus(Duration.ofDays(365)), true, true, new byte[1 << 20]), 500, t, NOW));
    }

    @Test
    void termsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> terms(0L, null, List.of(), Set.of(), Set.of(), null, true, true));
        assertThrows(IllegalArgumentException.class, () -> terms(null, -1, List.of(), Set.of(), Set.of(), null, true, true));
        assertThrows(IllegalArgumentException.class,
                () -> terms(null, null, List.of("a,b"), Set.of(), Set.of(), null, true, true));
        assertThrows(IllegalArgumentException.class,
                () -> terms(null, null, List.of(), Set.of(), Set.of(), Duration.ZERO, true, true));
    }
}
