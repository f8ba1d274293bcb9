package dev.atelier.model.replicate.internal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.spi.model.CallbackMessage;
import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The news of one prediction that Replicate sends to the call's webhook: each message's body is the prediction as
 * {@code GET /v1/predictions/{id}} shows it. A message counts only when its signature checks out, its
 * {@code webhook-id} was not used before (hosts should drop repeats, but a replay must not count twice here either)
 * and it is about this prediction; anything else is logged without its body and ignored.
 */
final class WebhookUpdates {

    /** Message ids remembered per call; Replicate sends logs at most twice a second, so this covers hours. */
    static final int MAX_REMEMBERED_IDS = 10_000;
    private static final int MAX_LOGGED_ID = 64;

    private final Callbacks callbacks;
    private final WebhookSignature signature;
    private final String predictionId;
    private final ObjectMapper json;
    private final CallGuard guard;
    private final Set<String> used = new LinkedHashSet<>();
    private int rejectedInARow;

    WebhookUpdates(Callbacks callbacks, WebhookSignature signature, String predictionId, ObjectMapper json,
            CallGuard guard) {
        this.callbacks = callbacks;
        this.signature = signature;
        this.predictionId = predictionId;
        this.json = json;
        this.guard = guard;
    }

    /** Waits up to {@code wait} for a message; empty when none came or the one that came was ignored. */
    Optional<Prediction> next(Duration wait) throws GenerationException {
        Optional<CallbackMessage> message = callbacks.next(wait);
        if (message.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new GenerationException(Kind.CANCELLED, "The generation was cancelled.");
            }
            return Optional.empty();
        }
        return accept(message.get());
    }

    /** Messages that failed verification since the last genuine one (or the last {@link #resetRejected()}). */
    int rejectedInARow() {
        return rejectedInARow;
    }

    void resetRejected() {
        rejectedInARow = 0;
    }

    private Optional<Prediction> accept(CallbackMessage message) {
        String id = printable(message.header("webhook-id").orElse("-"));
        WebhookSignature.Verdict verdict = signature.check(message);
        if (verdict != WebhookSignature.Verdict.GENUINE) {
            rejectedInARow++;
            log(WARNING, "ignored webhook message " + id + ": " + verdict.problem());
            return Optional.empty();
        }
        rejectedInARow = 0;
        if (!use(message.header("webhook-id").orElseThrow())) {
            log(INFO, "ignored webhook message " + id + ": a repeat");
            return Optional.empty();
        }
        Prediction prediction;
        try {
            prediction = Prediction.of(json.readTree(message.body()));
        } catch (IOException e) {
            log(WARNING, "ignored webhook message " + id + ": body is not JSON");
            return Optional.empty();
        }
        if (!predictionId.equals(prediction.id())) {
            log(WARNING, "ignored webhook message " + id + ": not about prediction " + predictionId);
            return Optional.empty();
        }
        if (prediction.status() == null) {
            log(WARNING, "ignored webhook message " + id + ": no status");
            return Optional.empty();
        }
        return Optional.of(prediction);
    }

    /** Whether {@code id} is new; remembers it, forgetting the oldest beyond {@link #MAX_REMEMBERED_IDS}. */
    private boolean use(String id) {
        if (!used.add(id)) {
            return false;
        }
        if (used.size() > MAX_REMEMBERED_IDS) {
            Iterator<String> oldest = used.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** The sender chose the id: only plain characters of it reach the log. */
    private static String printable(String id) {
        String plain = id.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return plain.length() <= MAX_LOGGED_ID ? plain : plain.substring(0, MAX_LOGGED_ID) + "…";
    }

    private void log(System.Logger.Level level, String message) {
        ReplicateLog.forCall(level, guard.context(), message);
    }
}
