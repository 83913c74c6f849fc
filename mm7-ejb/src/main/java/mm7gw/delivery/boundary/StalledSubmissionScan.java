package mm7gw.delivery.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
import mm7gw.system.NodeHeartbeat;

/**
 * Closes the one window the submit leaves open: the database committed the message, and the node died before
 * its hand-off sent the MessageID to the submissions queue ({@link DistributionQueue}). Such a message stays
 * ACCEPTED with no recipient record. Every 10 s this scan hands messages in that state to distribution again:
 * those of a node that has been silent for {@code mm7.recovery.node-silent-seconds} (default 30; every node writes
 * a heartbeat every 5 s), those this node accepted before it last started, and any that has been waiting for
 * {@code mm7.recovery.stalled-after-seconds} (default 120). While a node is silent, also any node's messages accepted
 * up to {@code node-silent-seconds} after its last heartbeat: the cluster may have forwarded their hand-off to the
 * dead node's broker, where it waits for that node to come back. Distribution is idempotent per chunk, so a message that
 * was only slow (a long queue) is distributed once all the same. Also writes this node's heartbeat.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StalledSubmissionScan {
    private static final Logger LOG = Logger.getLogger(StalledSubmissionScan.class.getName());
    private static final Duration STALLED_AFTER = Duration.ofSeconds(Long.getLong("mm7.recovery.stalled-after-seconds", 120));
    private static final Duration NODE_SILENT = Duration.ofSeconds(Long.getLong("mm7.recovery.node-silent-seconds", 30));
    private final AtomicBoolean running = new AtomicBoolean();
    private final Instant started = Instant.now();

    @PersistenceContext(unitName = "mm7")
    EntityManager em;

    @Inject
    DistributionQueue distribution;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void heartbeat() {
        Instant now = Instant.now();
        NodeHeartbeat me = em.find(NodeHeartbeat.class, NodeHeartbeat.THIS_NODE);
        if (me == null) {
            em.persist(new NodeHeartbeat(NodeHeartbeat.THIS_NODE, now));
        } else {
            me.seen(now);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void scan() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = Instant.now();
            List<NodeHeartbeat> dead = em.createQuery("select h from NodeHeartbeat h", NodeHeartbeat.class).getResultList()
                    .stream().filter(h -> h.silentFor(NODE_SILENT, now)).toList();
            List<String> silent = dead.stream().map(NodeHeartbeat::node).toList();
            // any node's messages handed to distribution while a dead node was still taken for alive may sit in the
            // store-and-forward queue towards it: hand those of that time again too
            Instant forwardedUntil = dead.stream().map(h -> h.mayHaveReceivedUntil(NODE_SILENT))
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
            List<String> stalled = em.createQuery("select m.messageId from MultimediaMessage m"
                            + " where m.state = :accepted and m.submittedAt < :notJustNow"
                            + " and not exists (select r from Recipient r where r.message = m)"
                            + " and (m.submittedAt < :stalledBefore or m.acceptedBy in :silent"
                            + " or m.submittedAt < :forwardedUntil"
                            + " or (m.acceptedBy = :me and m.submittedAt < :started))"
                            + " order by m.submittedAt", String.class)
                    .setParameter("accepted", MessageState.ACCEPTED)
                    .setParameter("notJustNow", now.minusSeconds(5))
                    .setParameter("stalledBefore", now.minus(STALLED_AFTER))
                    .setParameter("forwardedUntil", forwardedUntil)
                    .setParameter("silent", silent.isEmpty() ? List.of("") : silent)
                    .setParameter("me", NodeHeartbeat.THIS_NODE)
                    .setParameter("started", started)
                    .setMaxResults(1000).getResultList();
            stalled.forEach(distribution::handOver);
            if (!stalled.isEmpty()) {
                LOG.warning(() -> stalled.size() + " accepted messages were not handed to distribution (left by a node"
                        + " that stopped, this one before its restart, or " + silent + ", or waiting for "
                        + STALLED_AFTER.toSeconds() + " s); handed to distribution again, e.g. " + stalled.get(0));
            }
        } finally {
            running.set(false);
        }
    }
}
