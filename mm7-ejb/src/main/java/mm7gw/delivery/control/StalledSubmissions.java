package mm7gw.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.submission.entity.MessageState;
import mm7gw.system.NodeHeartbeat;

/**
 * The work of the stalled-submission scan ({@link mm7gw.delivery.boundary.StalledSubmissionScan}, which says what it
 * is for): this node's heartbeat, and handing the stalled messages to distribution again, each in a transaction of
 * its own.
 */
@ApplicationScoped
public class StalledSubmissions {
    private static final Logger LOG = Logger.getLogger(StalledSubmissions.class.getName());
    private static final Duration STALLED_AFTER = Duration.ofSeconds(Long.getLong("mm7.recovery.stalled-after-seconds", 120));
    private static final Duration NODE_SILENT = Duration.ofSeconds(Long.getLong("mm7.recovery.node-silent-seconds", 30));

    @Inject
    EntityManager em;

    @Inject
    DistributionQueue distribution;

    /** Writes this node's heartbeat. */
    @Transactional
    public void heartbeat() {
        Instant now = Instant.now();
        NodeHeartbeat me = em.find(NodeHeartbeat.class, NodeHeartbeat.THIS_NODE);
        if (me == null) {
            em.persist(new NodeHeartbeat(NodeHeartbeat.THIS_NODE, now));
        } else {
            me.seen(now);
        }
    }

    /**
     * Hands the stalled messages (at most 1000 a round, oldest first) to distribution again.
     *
     * @param started when this node started: what it accepted before then is stalled at once
     */
    @Transactional
    public void handOverStalled(Instant started) {
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
    }
}
