package dev.atelier.model.replicate.internal;

import static java.lang.System.Logger.Level.WARNING;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the next news of a running prediction comes from. Without a webhook: polls on the normal pacing. With one:
 * the verified webhook messages, plus a safety poll every {@link Pacing#safetyPoll()} — and soon (after
 * {@link Pacing#maxPoll()}) once {@link #MAX_REJECTED} messages in a row fail verification — so a lost or forged
 * message never strands a call.
 */
final class PredictionWatch {

    static final int MAX_FAILED_POLLS = 10;
    static final int MAX_REJECTED = 3;

    private final ReplicateApi api;
    private final ReplicateSettings settings;
    private final URI pollUrl;
    private final CallGuard guard;
    private final Pacing pacing;
    private final Optional<WebhookUpdates> webhooks;
    private final Runnable onDistrust;
    private Duration wait;
    private int failedPolls;
    private long lastPoll = System.nanoTime();
    private long nextSafetyPoll;

    /**
     * @param onDistrust run when messages keep failing verification (the secret may have been rotated)
     */
    PredictionWatch(ReplicateApi api, ReplicateSettings settings, Prediction created, CallGuard guard,
            Optional<WebhookUpdates> webhooks, Runnable onDistrust) {
        this.api = api;
        this.settings = settings;
        this.pollUrl = created.getUrl() != null && settings.isApiUrl(created.getUrl()) ? created.getUrl()
                : settings.predictionUrl(created.id());
        this.guard = guard;
        this.pacing = guard.pacing();
        this.webhooks = webhooks;
        this.onDistrust = onDistrust;
        this.wait = pacing.firstPoll();
        this.nextSafetyPoll = lastPoll + pacing.safetyPoll().toNanos();
    }

    /** The prediction as it now is, or empty when nothing new was learned this time round. */
    Optional<Prediction> next() throws GenerationException {
        guard.checkpoint();
        if (webhooks.isEmpty()) {
            guard.sleep(wait);
            wait = pacing.next(wait);
            return poll();
        }
        WebhookUpdates updates = webhooks.get();
        if (updates.rejectedInARow() >= MAX_REJECTED) {
            log("webhook messages keep failing verification; polling soon");
            onDistrust.run();
            updates.resetRejected();
            nextSafetyPoll = Math.min(nextSafetyPoll, lastPoll + pacing.maxPoll().toNanos());
        }
        long untilPoll = nextSafetyPoll - System.nanoTime();
        if (untilPoll <= 0) {
            lastPoll = System.nanoTime();
            nextSafetyPoll = lastPoll + pacing.safetyPoll().toNanos();
            // A failing safety poll ends nothing: messages may still come, and the deadline bounds the wait.
            return api.get(settings, pollUrl, guard);
        }
        Duration left = guard.remaining();
        Duration listen = Duration.ofNanos(Math.min(untilPoll, Math.max(left.toNanos(), pacing.tick().toNanos())));
        return updates.next(listen);
    }

    private Optional<Prediction> poll() throws GenerationException {
        lastPoll = System.nanoTime();
        Optional<Prediction> polled = api.get(settings, pollUrl, guard);
        if (polled.isPresent()) {
            failedPolls = 0;
        } else if (++failedPolls > MAX_FAILED_POLLS) {
            throw new GenerationException(Kind.TEMPORARY,
                    "The model service stopped answering. Please try again shortly.");
        }
        return polled;
    }

    private void log(String message) {
        ReplicateLog.forCall(WARNING, guard.context(), message);
    }
}
