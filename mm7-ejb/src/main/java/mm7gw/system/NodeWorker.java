package mm7gw.system;

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
    private final Semaphore woken = new Semaphore(0);
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

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!step.run()) {
                    Thread.sleep(lingerMillis);
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
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
