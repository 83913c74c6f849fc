package mm7gw.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
}
