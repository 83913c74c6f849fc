package mm7gw.relay.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedAnswerTest {

    static final class Counting implements Flow.Subscription {
        int requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += (int) n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(BoundedAnswer.PROPERTY);
    }

    @Test
    void anAnswerWithinTheBoundIsKeptWhole() throws Exception {
        BoundedAnswer.Subscriber s = new BoundedAnswer.Subscriber(11); // 11 bytes: the é takes two
        Counting sub = new Counting();
        s.onSubscribe(sub);
        s.onNext(List.of(bytes("<a>"), bytes("é</a>")));
        s.onNext(List.of(bytes("xy")));
        s.onComplete();
        BoundedAnswer answer = s.getBody().toCompletableFuture().get();
        assertFalse(answer.tooLarge());
        assertEquals("<a>é</a>xy", answer.body());
        assertFalse(sub.cancelled);
    }

    @Test
    void theFirstByteBeyondTheBoundCancelsTheReadAndNothingMoreIsKept() throws Exception {
        BoundedAnswer.Subscriber s = new BoundedAnswer.Subscriber(10);
        Counting sub = new Counting();
        s.onSubscribe(sub);
        s.onNext(List.of(bytes("0123456789")));
        int requestedBefore = sub.requested;
        s.onNext(List.of(bytes("x")));
        assertTrue(sub.cancelled, "the rest is not read");
        assertEquals(requestedBefore, sub.requested, "nothing more requested");
        s.onNext(List.of(bytes("late")));
        s.onComplete();
        BoundedAnswer answer = s.getBody().toCompletableFuture().get();
        assertTrue(answer.tooLarge());
        assertEquals(null, answer.body());
        assertTrue(answer.reason().contains("exceeds 10 bytes"), answer.reason());
        assertTrue(answer.reason().contains(BoundedAnswer.PROPERTY), answer.reason());
    }

    @Test
    void theBoundIsASystemPropertyWithA1MbDefault() {
        assertEquals(1024 * 1024, BoundedAnswer.configuredMax());
        System.setProperty(BoundedAnswer.PROPERTY, "2048");
        assertEquals(2048, BoundedAnswer.configuredMax());
        System.setProperty(BoundedAnswer.PROPERTY, "nonsense");
        assertEquals(1024 * 1024, BoundedAnswer.configuredMax());
        System.setProperty(BoundedAnswer.PROPERTY, "0");
        assertEquals(1024 * 1024, BoundedAnswer.configuredMax());
    }
}
