package mm7gw.submission.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.metrics.Metrics;
import mm7gw.submission.control.AnsweredSubmits;
import mm7gw.system.NodeWorker;

/**
 * Every 30 seconds, deletes the answers to submits given before the TransactionID window
 * ({@code mm7.transaction-id.window-hours}), oldest first, {@value #BATCH} per transaction and at most
 * {@value #MAX_BATCHES} batches a round. Until then such an answer is ignored by the submit that finds it
 * ({@link mm7gw.submission.control.Acceptance}), so the scan only keeps the table small. Every node runs it; two at
 * once delete the same rows once. Runs on a thread of the node ({@link NodeWorker}), each batch in a transaction of
 * its own ({@link AnsweredSubmits#forgetOldest}).
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransactionIdWindowScan {
    private static final Logger LOG = Logger.getLogger(TransactionIdWindowScan.class.getName());
    static final int BATCH = 1000;
    static final int MAX_BATCHES = 100;
    private NodeWorker worker;

    @Inject
    AnsweredSubmits answers;

    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        worker = NodeWorker.startedEvery("mm7-transaction-id-window-scan", 30_000, threads, this::scan);
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    private void scan() {
        try {
            Instant windowStart = AnsweredSubmits.windowStart();
            long forgotten = 0;
            for (int i = 0; i < MAX_BATCHES; i++) {
                int n = answers.forgetOldest(windowStart, BATCH);
                forgotten += n;
                if (n == 0) {
                    break;
                }
            }
            if (forgotten > 0) {
                Metrics.transactionIdsForgotten(forgotten);
                long n = forgotten;
                LOG.fine(() -> "forgot " + n + " TransactionIDs answered before " + windowStart);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "forgetting the TransactionIDs answered before the window failed; next round retries", e);
        }
    }
}
