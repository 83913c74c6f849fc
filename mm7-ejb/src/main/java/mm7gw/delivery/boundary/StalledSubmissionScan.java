package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.submission.entity.MessageState;

/**
 * Closes the one window the submit transaction leaves open: the database (the last resource of the JTA
 * transaction) committed the message, and the process died before the transaction log recorded the outcome, so
 * recovery rolls the prepared JMS send back. Such a message stays ACCEPTED with no recipient record. Every 30 s
 * this scan hands messages in that state for longer than {@code mm7.recovery.stalled-after-seconds} (default 120)
 * to distribution again, one per transaction. Distribution is idempotent per chunk, so a message that was only
 * slow (a long queue) is distributed once all the same.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StalledSubmissionScan {
    private static final Logger LOG = Logger.getLogger(StalledSubmissionScan.class.getName());
    private static final Duration STALLED_AFTER = Duration.ofSeconds(Long.getLong("mm7.recovery.stalled-after-seconds", 120));
    private final AtomicBoolean running = new AtomicBoolean();

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @EJB
    Redistribution redistribution;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void scan() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            List<String> stalled = em.createQuery("select m.messageId from MultimediaMessage m"
                            + " where m.state = :accepted and m.submittedAt < :before"
                            + " and not exists (select r from Recipient r where r.message = m)"
                            + " order by m.submittedAt", String.class)
                    .setParameter("accepted", MessageState.ACCEPTED)
                    .setParameter("before", Instant.now().minus(STALLED_AFTER)).setMaxResults(200).getResultList();
            for (String messageId : stalled) {
                try {
                    redistribution.redistribute(messageId);
                    LOG.warning(() -> "message " + messageId + " was accepted but never distributed (a crash between"
                            + " the database commit and the queue's); handed to distribution again");
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not hand message " + messageId + " to distribution again", e);
                }
            }
        } finally {
            running.set(false);
        }
    }
}
