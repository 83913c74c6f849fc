package mm7gw.submission.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mm7gw.persistence.AfterCommit;
import mm7gw.system.NodeWorker;
import mm7gw.system.ServerResources;

/**
 * The port through which accepted messages are handed to distribution, without the broker taking part in the
 * accepting transaction: {@link #distribute} (in that transaction) hands the MessageID over once, and only if,
 * the transaction commits (the MessageIDs of one transaction, a batch of submits, together: one synchronization per
 * transaction, not one per message); a worker thread then sends the MessageIDs waiting on this node to the
 * {@code mm7.submissions} queue, many per JMS message (one line each), in a transaction of its own. A MessageID the
 * node accepted but did not send before a crash is found by the stalled-submission scan and sent again;
 * distribution is idempotent, so a message sent twice is distributed once.
 */
@ApplicationScoped
public class DistributionQueue {
    /** MessageIDs per JMS message */
    static final int BATCH = Math.max(1, Integer.getInteger("mm7.distribution.hand-off-batch", 200));
    /** the property of a JMS message that carries a single MessageID (the form earlier versions sent) */
    public static final String MESSAGE_ID = "mm7MessageId";

    /** the key of a transaction's resource: the MessageIDs it accepted, handed over together once it committed */
    private static final Object ACCEPTED = new Object();

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    JMSContext jms;

    @Resource(lookup = ServerResources.SUBMISSIONS)
    Queue queue;

    private final ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private volatile NodeWorker worker;

    /**
     * In the accepting transaction (one must be active): the message goes to distribution if and only if the
     * transaction commits.
     */
    public void distribute(String messageId) {
        @SuppressWarnings("unchecked")
        List<String> accepted = (List<String>) transaction.getResource(ACCEPTED);
        if (accepted == null) {
            List<String> ids = new ArrayList<>();
            transaction.putResource(ACCEPTED, ids);
            AfterCommit.register(transaction, () -> handOverAll(ids));
            accepted = ids;
        }
        accepted.add(messageId);
    }

    /** A message to distribute (again) with no transaction of its own: a stalled one the scan found. */
    public void handOver(String messageId) {
        handOverAll(List.of(messageId));
    }

    private void handOverAll(List<String> messageIds) {
        waiting.addAll(messageIds);
        waitingCount.addAndGet(messageIds.size());
        NodeWorker w = worker;
        if (w != null) {
            w.wake();
        }
    }

    /** MessageIDs accepted on this node and not yet sent to the queue. */
    public int backlog() {
        return waitingCount.get();
    }

    /**
     * Starts the worker that sends what waits, running the step whenever a message was handed over, at most every
     * {@code mm7.distribution.hand-off-linger-millis} (default 50), so a busy node sends many MessageIDs at a time.
     */
    public void start(ManagedThreadFactory threads, NodeWorker.Step step) {
        worker = new NodeWorker("mm7-distribution-hand-off", Long.getLong("mm7.distribution.hand-off-linger-millis", 50),
                1000, step);
        worker.start(threads);
    }

    public void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Takes up to one batch of the waiting MessageIDs (give them back with {@link #giveBack} if sending fails). */
    public List<String> take() {
        List<String> batch = new ArrayList<>(BATCH);
        String id;
        while (batch.size() < BATCH && (id = waiting.poll()) != null) {
            batch.add(id);
            waitingCount.decrementAndGet();
        }
        return batch;
    }

    public void giveBack(List<String> batch) {
        handOverAll(batch);
    }

    /** Sends the MessageIDs in one JMS message, in a transaction of its own (the broker alone takes part). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void send(List<String> messageIds) {
        jms.createProducer().send(queue, String.join("\n", messageIds));
    }
}
