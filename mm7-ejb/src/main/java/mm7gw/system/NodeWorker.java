package mm7gw.system;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background thread of this node that runs a step whenever it is woken, and at least every {@code idleMillis},
 * but not more often than every {@code lingerMillis}: work that arrives in the meantime is done in the next round,
 * so a busy node does its work in batches rather than one transaction per wake. A step that reports more work
 * waiting runs again at once; a step that fails is logged and tried again after a second. Wakes that arrive while a
 * step runs are not lost: the next wait returns at once.
 * <p>
 * Periodic work of the node (scans, heartbeats) runs on such a thread rather than on an EJB timer: a timer that
 * falls due while the server suspends for an orderly stop is rejected by the container, which logs that as an error,
 * while this thread finishes its round and stops when the application does.
 * <p>
 * A step calls CDI beans (their transactions by {@code @Transactional}) or its own bean's methods directly, never an
 * EJB's business method: WildFly holds such a call until every startup singleton of the deployment has started, which
 * in a deployment refused at start (the default-secrets check) is never, and the stop then waits for the held call.
 */
public final class NodeWorker {
    private static final Logger LOG = Logger.getLogger(NodeWorker.class.getName());

    /** One round of work. */
    @FunctionalInterface
    public interface Step {
        /** @return true when more work is waiting (run again without waiting) */
        boolean run();
    }

    private final String name;
    private final long lingerMillis;
    private final long idleMillis;
    private final Step step;
    private boolean firstRoundAfterWait;
    private final Semaphore woken = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public NodeWorker(String name, long lingerMillis, long idleMillis, Step step) {
        this.name = name;
        this.lingerMillis = lingerMillis;
        this.idleMillis = idleMillis;
        this.step = step;
    }

    public synchronized void start(ThreadFactory threads) {
        running = true;
        thread = threads.newThread(this::loop);
        thread.setName(name);
        thread.start();
    }

    public void wake() {
        if (woken.availablePermits() == 0) {
            woken.release();
        }
    }

    /**
     * Stops the thread: a round that is running is finished (so a transaction or a file write is not cut short),
     * waits are ended at once. Only a round that has not ended within 10 s is interrupted.
     */
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        woken.release();
        if (thread != null) {
            try {
                thread.join(10_000);
                if (thread.isAlive()) {
                    LOG.warning(() -> name + ": the running round has not ended within 10 s of the stop; interrupting it");
                    thread.interrupt();
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A periodic worker: its step runs every {@code periodMillis} (and when woken, at most that often), the first
     * time one period after the start, when the application has started.
     */
    public static NodeWorker every(String name, long periodMillis, Step step) {
        NodeWorker w = new NodeWorker(name, periodMillis, periodMillis, step);
        w.firstRoundAfterWait = true;
        return w;
    }

    /** A periodic worker ({@link #every}) whose round is the task, started on a thread of the factory. */
    public static NodeWorker startedEvery(String name, long periodMillis, ThreadFactory threads, Runnable task) {
        NodeWorker w = every(name, periodMillis, () -> {
            task.run();
            return false;
        });
        w.start(threads);
        return w;
    }

    private void loop() {
        try {
            if (firstRoundAfterWait && stopping.await(idleMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            return;
        }
        while (running) {
            try {
                if (!step.run()) {
                    if (stopping.await(lingerMillis, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    woken.tryAcquire(Math.max(0, idleMillis - lingerMillis), TimeUnit.MILLISECONDS);
                    woken.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // not only runtime exceptions: a commit that fails surfaces as the checked RollbackException
                // through the transaction interceptor, and would otherwise end the thread for good
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, name + ": a round of work failed; trying again in 1 s", e);
                try {
                    if (stopping.await(1, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
