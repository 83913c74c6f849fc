package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import mm7gw.submission.entity.DeliveryAttempt;
import mm7gw.submission.entity.DeliveryOutcome;
import mm7gw.submission.entity.Recipient;

/** Records a per-recipient change (after the recipient's state changed) and announces it. */
@ApplicationScoped
public class RecipientHistory {
    @Inject
    EntityManager em;

    @Inject
    Event<RecipientStateChanged> changes;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Recipient recipient, DeliveryOutcome outcome, String detail) {
        DeliveryAttempt entry = new DeliveryAttempt(recipient, outcome, detail);
        em.persist(entry);
        changes.fire(new RecipientStateChanged(recipient.message().messageId(), recipient.id(),
                recipient.address().value(), outcome, entry.attemptedAt(), detail));
    }
}
