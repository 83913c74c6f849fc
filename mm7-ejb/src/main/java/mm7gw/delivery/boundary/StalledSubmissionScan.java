package mm7gw.delivery.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import mm7gw.delivery.control.StalledSubmissions;
import mm7gw.submission.control.DistributionQueue;
import mm7gw.system.NodeWorker;

/**
 * Closes the one window the submit leaves open: the database committed the message, and the node died before
 * its hand-off sent the MessageID to the submissions queue ({@link DistributionQueue}). Such a message stays
 * ACCEPTED with no recipient record. Every 10 s this scan hands messages in that state to distribution again:
 * those of a node that has been silent for {@code mm7.recovery.node-silent-seconds} (default 30; every node writes
 * a heartbeat every 5 s), those this node accepted before it last started, and any that has been waiting for
 * {@code mm7.recovery.stalled-after-seconds} (default 120). While a node is silent, also any node's messages accepted
 * up to {@code node-silent-seconds} after its last heartbeat: the cluster may have forwarded their hand-off to the
 * dead node's broker, where it waits for that node to come back. Distribution is idempotent per chunk, so a message that
 * was only slow (a long queue) is distributed once all the same. Also writes this node's heartbeat. Both run on a
 * thread of the node ({@link NodeWorker}), each in a transaction of its own ({@link StalledSubmissions}).
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StalledSubmissionScan {
    private static final long HEARTBEAT_MILLIS = 5000;
    private static final Duration SCAN_EVERY = Duration.ofSeconds(10);
    private final Instant started = Instant.now();
    private NodeWorker worker;

    @Inject
    StalledSubmissions stalled;

    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        Instant[] lastScan = {Instant.now()};
        worker = NodeWorker.every("mm7-stalled-submission-scan", HEARTBEAT_MILLIS, () -> {
            stalled.heartbeat();
            if (!Instant.now().isBefore(lastScan[0].plus(SCAN_EVERY))) {
                lastScan[0] = Instant.now();
                stalled.handOverStalled(started);
            }
            return false;
        });
        worker.start(threads);
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
