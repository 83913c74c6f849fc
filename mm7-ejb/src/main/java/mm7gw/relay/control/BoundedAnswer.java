package mm7gw.relay.control;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A VASP's HTTP answer read with a size bound: at most {@link #maxBytes()} bytes are kept; at the first byte
 * beyond, the subscription is cancelled (the connection is dropped, the rest is never read) and the answer is
 * {@link #tooLarge()}. The bound is the system property {@code mm7.relay.max-answer-bytes} (default 1 MB).
 */
public record BoundedAnswer(String body, boolean tooLarge, long maxBytes) {
    public static final String PROPERTY = "mm7.relay.max-answer-bytes";
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    /** The configured bound; a missing, unreadable or non-positive value gives the default. */
    public static long configuredMax() {
        try {
            long max = Long.parseLong(System.getProperty(PROPERTY, "").trim());
            return max > 0 ? max : DEFAULT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    /** Why the call failed, for the call's record. */
    public String reason() {
        return "the VASP's answer exceeds " + maxBytes + " bytes (" + PROPERTY + "); the rest was not read";
    }

    public static HttpResponse.BodyHandler<BoundedAnswer> handler(long maxBytes) {
        return info -> new Subscriber(maxBytes);
    }

    static final class Subscriber implements HttpResponse.BodySubscriber<BoundedAnswer> {
        private final long maxBytes;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<BoundedAnswer> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Subscriber(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<BoundedAnswer> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (kept.size() + (long) b.remaining() > maxBytes) {
                    subscription.cancel();
                    kept.reset();
                    result.complete(new BoundedAnswer(null, true, maxBytes));
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                kept.writeBytes(bytes);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new BoundedAnswer(kept.toString(StandardCharsets.UTF_8), false, maxBytes));
        }
    }
}
