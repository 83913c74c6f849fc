package mm7gw.relay.boundary;

import java.time.Instant;
import mm7gw.relay.entity.OutboundCall;

/** One call to a VASP and what became of it. */
public record OutboundCallView(long id, String kind, String vaspId, String messageId, String recipient,
        String mmStatus, Instant eventAt, String state, int attempts, Integer httpStatus, Integer vaspStatus,
        String vaspStatusText, String vaspServiceCode, String lastError, Instant createdAt, Instant completedAt) {

    static OutboundCallView of(OutboundCall c) {
        return new OutboundCallView(c.id(), c.kind().name(), c.vaspId().value(), c.messageId(), c.recipient(), c.mmStatus(),
                c.eventAt(), c.state().name(), c.attempts(), c.httpStatus(), c.vaspStatus(), c.vaspStatusText(),
                c.vaspServiceCode(), c.lastError(), c.createdAt(), c.completedAt());
    }
}
