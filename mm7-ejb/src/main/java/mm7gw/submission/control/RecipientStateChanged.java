package mm7gw.submission.control;

import java.time.Instant;
import mm7gw.submission.entity.DeliveryOutcome;

/**
 * CDI event fired (within the transaction that recorded it) for every per-recipient change. Observers that
 * must only see committed changes (e.g. sending delivery reports or read replies to the VASP) use
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}.
 */
public record RecipientStateChanged(String messageId, long recipientId, String address, DeliveryOutcome outcome,
        Instant at, String detail) {
}
