package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import mm7gw.metrics.Metrics;
import mm7gw.submission.boundary.SubmitResult;

/**
 * Group commit of MM7_submits on this node. The submits that arrive while a batch is being accepted are accepted
 * together in a next one, in one transaction ({@link Acceptance#acceptAll}): one connection, one look-up of their
 * TransactionIDs, one batch of rows per table, one commit. No thread of its own: a request thread that finds fewer
 * than {@value #CONCURRENCY_PROPERTY} (default 2) batches running leads one, taking the waiting submits (its own among
 * them, at most {@value #PROPERTY}, default 32, at a time) until its own is answered; the others wait for their
 * answers, each given only after its batch committed. A lone submit is accepted at once and on its own
 * ({@link Acceptance#accept}): nothing waits for a batch to fill. With more than one batch at a time, one batch's
 * round trips to the database (its look-up, its inserts, its commit) overlap with another's work, and under a
 * moderate load a submit leads a batch of its own at once instead of waiting for the running batch to end.
 * <p>
 * A batch that fails as a whole (a copy of one of its submits, sent through another node, took its TransactionID
 * first, or any failure of the write or the commit) has stored nothing: its submits are accepted again one at a
 * time, so that each gets the answer or failure it would have got alone. Counted per batch of two or more
 * ({@code mm7_submit_batches_total} by outcome, {@code mm7_submits_batched_total}), so that an operator sees whether
 * submits are grouped and how often a batch falls back.
 */
@ApplicationScoped
public class AcceptanceBatches {
    static final String PROPERTY = "mm7.submit.batch-size";
    static final int MAX = Math.max(1, Integer.getInteger(PROPERTY, 32));
    static final String CONCURRENCY_PROPERTY = "mm7.submit.batch-concurrency";
    static final int LEADERS = Math.max(1, Integer.getInteger(CONCURRENCY_PROPERTY, 2));
    private static final Logger LOG = Logger.getLogger(AcceptanceBatches.class.getName());

    @Inject
    Acceptance acceptance;

    /** the submits not yet taken into a batch (package-private for the test, as are {@link #leaders} and Waiting) */
    final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** a permit per batch that may be accepted at the same time */
    final Semaphore leaders = new Semaphore(LEADERS);

    /** @return the answer once it is committed; throws the {@code Mm7Rejection} that refused the submit */
    public SubmitResult accept(Submit submit) {
        Waiting mine = new Waiting(submit);
        waiting.add(mine);
        while (mine.outcome == null) {
            // a submit another leader took is answered by that leader: its thread sleeps until then, unless submits
            // are waiting that it could lead meanwhile (trying for the lead again and again would spin on the CPU)
            if ((!mine.taken || !waiting.isEmpty()) && leaders.tryAcquire()) {
                try {
                    List<Waiting> batch;
                    // another leader may have taken this submit: then lead until nothing waits, and wait for it
                    while (mine.outcome == null && !(batch = next()).isEmpty()) {
                        accept(batch);
                    }
                } finally {
                    leaders.release();
                    Waiting first = waiting.peek();
                    if (first != null) {
                        first.wake(); // to lead the next batch, unless a new request took the lead meanwhile
                    }
                }
            } else {
                mine.sleep();
            }
        }
        return mine.outcome.get();
    }

    private List<Waiting> next() {
        List<Waiting> batch = new ArrayList<>(MAX);
        Waiting w;
        while (batch.size() < MAX && (w = waiting.poll()) != null) {
            w.taken = true;
            batch.add(w);
        }
        return batch;
    }

    private void accept(List<Waiting> batch) {
        try {
            if (batch.size() == 1) {
                batch.get(0).answer(acceptAlone(batch.get(0).submit));
                return;
            }
            List<Submit> submits = batch.stream().map(w -> w.submit).toList();
            List<Acceptance.Outcome> outcomes;
            try {
                outcomes = acceptance.acceptAll(submits);
                Metrics.submitBatchCommitted(submits.size());
            } catch (Acceptance.TransactionIdTaken expected) { // a race with another node, not an error: no trace
                LOG.fine(() -> "a TransactionID of a batch of " + submits.size()
                        + " submits was taken through another node meanwhile; accepting them one at a time");
                Metrics.submitBatchOneByOne();
                outcomes = submits.stream().map(this::acceptAlone).toList();
            } catch (Exception failed) { // a failed commit too: WildFly's interceptor throws a checked RollbackException
                LOG.log(Level.WARNING, failed, () -> "a batch of " + submits.size()
                        + " submits failed as a whole; accepting them one at a time");
                Metrics.submitBatchOneByOne();
                outcomes = submits.stream().map(this::acceptAlone).toList();
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer(outcomes.get(i));
            }
        } catch (RuntimeException | Error unexpected) {
            for (Waiting w : batch) {
                if (w.outcome == null) {
                    w.answer(Acceptance.Outcome.failed(new IllegalStateException("the submit's batch failed",
                            unexpected)));
                }
            }
            throw unexpected;
        }
    }

    private Acceptance.Outcome acceptAlone(Submit submit) {
        try {
            try {
                return Acceptance.Outcome.answered(acceptance.accept(submit));
            } catch (Acceptance.TransactionIdTaken taken) {
                // a copy sent through another node committed first: this one now finds its answer
                return Acceptance.Outcome.answered(acceptance.accept(submit));
            }
        } catch (Exception failed) { // the checked RollbackException of a failed commit too: answered, not left waiting
            return Acceptance.Outcome.failed(failed instanceof RuntimeException unchecked ? unchecked
                    : new IllegalStateException("the submit's transaction failed", failed));
        }
    }

    /** A submit waiting for its batch, and its request thread. */
    static final class Waiting {
        final Submit submit;
        volatile Acceptance.Outcome outcome;
        /** taken into a batch: its leader answers it */
        volatile boolean taken;
        private final Semaphore woken = new Semaphore(0);

        Waiting(Submit submit) {
            this.submit = submit;
        }

        void answer(Acceptance.Outcome outcome) {
            this.outcome = outcome;
            woken.release();
        }

        void wake() {
            woken.release();
        }

        void sleep() {
            woken.acquireUninterruptibly();
        }
    }
}
