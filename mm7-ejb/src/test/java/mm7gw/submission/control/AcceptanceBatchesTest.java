package mm7gw.submission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitResult;
import org.junit.jupiter.api.Test;

/**
 * The group commit's hand-over between request threads, with an acceptance that only answers (after a pause that
 * stands for the database's round trips, or when the test lets it): each submit is answered once with its own answer,
 * and a thread whose submit another thread leads sleeps rather than spins while that batch is written.
 */
class AcceptanceBatchesTest {
    private static final int THREADS = 12;
    private static final int ROUNDS = 150;

    /** Answers each submit with its login as MessageID, after 2 ms for a lone submit or a batch. */
    static final class SlowAcceptance extends Acceptance {
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger batched = new AtomicInteger();

        @Override
        public SubmitResult accept(Submit submit) {
            pause();
            answered.incrementAndGet();
            return answer(submit);
        }

        @Override
        public List<Outcome> acceptAll(List<Submit> submits) {
            pause();
            answered.addAndGet(submits.size());
            batched.addAndGet(submits.size());
            return submits.stream().map(s -> Outcome.answered(answer(s))).toList();
        }

        private static SubmitResult answer(Submit submit) {
            return SubmitResult.accepted(submit.login(), StatusCode.SUCCESS, List.of());
        }

        private static void pause() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void eachSubmitIsAnsweredOnceWithItsOwnAnswer() throws Exception {
        SlowAcceptance acceptance = new SlowAcceptance();
        AcceptanceBatches batches = new AcceptanceBatches();
        batches.acceptance = acceptance;
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            List<Future<Integer>> clients = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int client = i;
                clients.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    int mismatched = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        String login = client + "/" + round;
                        if (!login.equals(batches.accept(new Submit(login, null, null, null)).messageId())) {
                            mismatched++;
                        }
                    }
                    return mismatched;
                }));
            }
            for (Future<Integer> client : clients) {
                assertEquals(0, client.get(60, TimeUnit.SECONDS), "answers given to another submit's thread");
            }
            assertEquals(THREADS * ROUNDS, acceptance.answered.get(), "each submit accepted exactly once");
            assertTrue(acceptance.batched.get() > THREADS * ROUNDS / 2, "most submits batched: " + acceptance.batched);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Answers at once, except the first batch of two or more, which waits for the gate. */
    static final class GatedAcceptance extends Acceptance {
        final CountDownLatch batchStarted = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public SubmitResult accept(Submit submit) {
            return SlowAcceptance.answer(submit);
        }

        @Override
        public List<Outcome> acceptAll(List<Submit> submits) {
            batchStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return submits.stream().map(s -> Outcome.answered(SlowAcceptance.answer(s))).toList();
        }
    }

    @Test
    void aThreadWokenWhileAnotherLeadsItsSubmitSleepsAgain() throws Exception {
        GatedAcceptance acceptance = new GatedAcceptance();
        AcceptanceBatches batches = new AcceptanceBatches();
        batches.acceptance = acceptance;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        var pool = Executors.newFixedThreadPool(3);
        try {
            // both leads held, so that two submits queue up
            batches.leaders.acquireUninterruptibly(AcceptanceBatches.LEADERS);
            var threadOfFirst = new java.util.concurrent.CompletableFuture<Long>();
            Future<SubmitResult> first = pool.submit(() -> {
                threadOfFirst.complete(Thread.currentThread().getId());
                return batches.accept(new Submit("first", null, null, null));
            });
            await(() -> batches.waiting.size() == 1);
            AcceptanceBatches.Waiting firstWaiting = batches.waiting.peek();
            Future<SubmitResult> second = pool.submit(() -> batches.accept(new Submit("second", null, null, null)));
            await(() -> batches.waiting.size() == 2);

            // a third request leads them in a batch, which is written until the gate opens
            batches.leaders.release();
            Future<SubmitResult> third = pool.submit(() -> batches.accept(new Submit("third", null, null, null)));
            assertTrue(acceptance.batchStarted.await(10, TimeUnit.SECONDS), "no batch was formed");
            assertTrue(batches.waiting.isEmpty());

            // a lead is given back and the first submit's thread woken, as a leader that ends does; its submit is in
            // the running batch, so it has nothing to lead and must sleep until that batch answers it
            batches.leaders.release(AcceptanceBatches.LEADERS - 1);
            long thread = threadOfFirst.get(10, TimeUnit.SECONDS);
            firstWaiting.wake();
            Thread.sleep(50);
            long before = cpu.getThreadCpuTime(thread);
            Thread.sleep(300);
            long spent = cpu.getThreadCpuTime(thread) - before;
            acceptance.gate.countDown();

            assertEquals("first", first.get(10, TimeUnit.SECONDS).messageId());
            assertEquals("second", second.get(10, TimeUnit.SECONDS).messageId());
            assertEquals("third", third.get(10, TimeUnit.SECONDS).messageId());
            // trying for the lead again and again would have used most of the 300 ms of a core
            assertTrue(spent < TimeUnit.MILLISECONDS.toNanos(30), "the woken thread used " + spent / 1_000_000
                    + " ms of CPU in 300 ms while its submit's batch was written");
        } finally {
            acceptance.gate.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
