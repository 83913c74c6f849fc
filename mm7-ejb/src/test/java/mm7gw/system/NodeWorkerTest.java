package mm7gw.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeWorkerTest {

    /** What a failed commit looks like to the worker: a checked exception the transaction interceptor rethrows. */
    static class CommitFailed extends Exception {
        CommitFailed() {
            super("commit failed: the connection was closed");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void sneakyThrow(Exception e) throws E {
        throw (E) e;
    }

    @Test
    void aRoundThatFailsWithACheckedExceptionIsTriedAgain() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch ranAfterFailures = new CountDownLatch(1);
        NodeWorker worker = new NodeWorker("test-worker", 1, 10, () -> {
            int round = rounds.incrementAndGet();
            if (round == 1) {
                NodeWorkerTest.<RuntimeException>sneakyThrow(new CommitFailed());
            }
            if (round == 2) {
                throw new IllegalStateException("the database is down");
            }
            ranAfterFailures.countDown();
            return false;
        });
        worker.start(Thread::new);
        try {
            assertTrue(ranAfterFailures.await(10, TimeUnit.SECONDS),
                    "the worker ran again after a checked and a runtime failure (rounds: " + rounds + ")");
        } finally {
            worker.stop();
        }
    }

    @Test
    void aStopLetsTheRunningRoundFinishWithoutInterruptingIt() throws InterruptedException {
        CountDownLatch inRound = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        NodeWorker worker = new NodeWorker("test-worker", 1, 10, () -> {
            inRound.countDown();
            try {
                Thread.sleep(300); // a transaction's or a file write's work, which an interrupt would break
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return false;
        });
        worker.start(Thread::new);
        assertTrue(inRound.await(10, TimeUnit.SECONDS));
        worker.stop();
        assertFalse(interrupted.get(), "the round was interrupted by the stop");
        assertTrue(finished.get(), "the stop returned before the round had finished");
    }

    @Test
    void aPeriodicWorkerRunsFirstAfterOnePeriodAndItsStopEndsTheWaitAtOnce() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        NodeWorker worker = NodeWorker.every("test-scan", 60_000, () -> {
            rounds.incrementAndGet();
            return false;
        });
        worker.start(Thread::new);
        Thread.sleep(200);
        long start = System.nanoTime();
        worker.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(0, rounds.get(), "a periodic worker ran before its first period had passed");
        assertTrue(stopMillis < 5_000, "the stop waited for the period instead of ending the wait: " + stopMillis + " ms");
    }

    @Test
    void aPeriodicWorkerRunsEveryPeriod() throws InterruptedException {
        CountDownLatch threeRounds = new CountDownLatch(3);
        NodeWorker worker = NodeWorker.every("test-scan", 20, () -> {
            threeRounds.countDown();
            return false;
        });
        worker.start(Thread::new);
        try {
            assertTrue(threeRounds.await(10, TimeUnit.SECONDS), "three rounds of a 20 ms period within 10 s");
        } finally {
            worker.stop();
        }
    }
}
