package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.submission.entity.MessageState;

/**
 * Closes the one window the submit leaves open: the database committed the message, and the node died before
 * its hand-off sent the MessageID to the submissions queue ({@link DistributionQueue}). Such a message stays
 * ACCEPTED with no recipient record. Every 30 s this scan hands messages in that state for longer than
 * {@code mm7.recovery.stalled-after-seconds} (default 120) to distribution again. Distribution is idempotent per
 * chunk, so a message that was only slow (a long queue) is distributed once all the same.
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

    @Inject
    DistributionQueue distribution;

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
                distribution.handOver(messageId);
                LOG.warning(() -> "message " + messageId + " was accepted but not distributed for "
                        + STALLED_AFTER.toSeconds() + " s (a crash between its commit and the hand-off to the queue?);"
                        + " handed to distribution again");
            }
        } finally {
            running.set(false);
        }
    }
}
