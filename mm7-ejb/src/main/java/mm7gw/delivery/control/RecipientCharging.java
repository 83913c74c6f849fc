package mm7gw.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import mm7gw.charging.control.Charging;
import mm7gw.charging.entity.ChargingEvent;
import mm7gw.charging.entity.RecordType;
import mm7gw.status.StatusCode;
import mm7gw.submission.control.RecipientStateChanged;
import mm7gw.submission.entity.Recipient;

/**
 * Charges what happens on the recipient's side after the message reached its mailbox (the simulated MM1 side):
 * retrieval, rejection, reading and expiry, each in the transaction that records the recipient's change. The
 * delivery into the mailbox itself is charged by the distributor; cancellation and replacement by the VASP's
 * own requests.
 */
@ApplicationScoped
public class RecipientCharging {
    @Inject
    EntityManager em;

    @Inject
    Charging charging;

    void onChange(@Observes RecipientStateChanged change) {
        RecordType type = switch (change.outcome()) {
            case RETRIEVED -> RecordType.RECIPIENT_RETRIEVAL;
            case REJECTED -> RecordType.RECIPIENT_REJECTION;
            case READ -> RecordType.RECIPIENT_READ;
            case EXPIRED -> RecordType.RECIPIENT_EXPIRY;
            default -> null;
        };
        if (type == null) {
            return;
        }
        Recipient r = em.find(Recipient.class, change.recipientId());
        charging.record(ChargingEvent.forRecipient(type, r.charged(), StatusCode.SUCCESS, change.outcome().name())
                .describedBy(r.recordDetails().withMmStatus(change.outcome().mmStatus(), change.at())));
    }
}
