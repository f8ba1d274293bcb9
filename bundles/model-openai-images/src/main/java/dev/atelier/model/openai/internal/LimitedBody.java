package dev.atelier.model.openai.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response body collected into memory up to a limit: a misbehaving service (or a download URL it hands out) cannot
 * fill the worker's heap. Past the limit the exchange is abandoned and the body fails with {@link TooLarge}.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was longer than allowed. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("response body larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final AtomicBoolean exceeded;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(long limit, AtomicBoolean exceeded) {
        this.limit = limit;
        this.exceeded = exceeded;
    }

    /**
     * @param exceeded set when a body was too long: the client may report the abandoned exchange with its own error
     *     (a cancelled stream) instead of {@link TooLarge}, so the caller asks this flag
     */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, AtomicBoolean exceeded) {
        return info -> {
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            LimitedBody body = new LimitedBody(limit, exceeded);
            if (declared > limit) {
                body.tooLarge();
            }
            return body;
        };
    }

    private void tooLarge() {
        exceeded.set(true);
        result.completeExceptionally(new TooLarge(limit));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (content.size() + (long) buffer.remaining() > limit) {
                tooLarge();
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            content.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(content.toByteArray());
    }
}
