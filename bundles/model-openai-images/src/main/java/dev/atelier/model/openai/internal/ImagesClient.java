package dev.atelier.model.openai.internal;

import static dev.atelier.spi.model.GenerationException.Kind.CANCELLED;
import static dev.atelier.spi.model.GenerationException.Kind.FAILED;
import static dev.atelier.spi.model.GenerationException.Kind.TEMPORARY;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sends requests to the images API for one generation: within the call's deadline, stopping as soon as the call is
 * cancelled, and retrying a rate-limited request (429) as the service's {@code retry-after} asks, at most
 * {@link #MAX_RETRIES} times.
 */
final class ImagesClient {

    static final int MAX_RETRIES = 2;
    /** How often a waiting call looks at {@link GenerationContext#isCancelled()}. */
    private static final long POLL_MILLIS = 50;
    /** Wait before retrying a 429 that says nothing about when to come back. */
    private static final Duration DEFAULT_RETRY_WAIT = Duration.ofSeconds(1);
    /** Longest wait a service may ask for before the model gives up and lets the host decide. */
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(60);

    private final Supplier<HttpClient> api;
    private final Supplier<HttpClient> downloads;
    private final ApiErrors errors;
    private final Clock clock;

    /**
     * @param api client for API calls; it must not follow redirects, which would carry the key to another host
     * @param downloads client for picture links, which may redirect (to a CDN)
     */
    ImagesClient(Supplier<HttpClient> api, Supplier<HttpClient> downloads, ApiErrors errors, Clock clock) {
        this.api = api;
        this.downloads = downloads;
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * Sends an API request (built anew for each attempt) and returns the successful answer's body.
     *
     * @throws GenerationException for an error answer (see {@link ApiErrors}), a timeout, or a cancelled call
     */
    byte[] call(Supplier<HttpRequest.Builder> request, long limit, ImagesSettings settings,
            GenerationContext context) throws GenerationException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = send(api.get(), request.get(), limit, context);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            GenerationException error = errors.toException(status, response.body(), settings);
            if (status != 429 || error.kind() != TEMPORARY || attempt >= MAX_RETRIES) {
                throw error;
            }
            Duration wait = retryAfter(response, attempt);
            if (wait.compareTo(MAX_RETRY_WAIT) > 0 || clock.instant().plus(wait).isAfter(context.deadline())) {
                throw error;
            }
            sleep(wait, context);
        }
    }

    /** Downloads a picture the service linked to instead of inlining it; never sends the key along. */
    byte[] download(HttpRequest.Builder request, long limit, GenerationContext context) throws GenerationException {
        HttpResponse<byte[]> response = send(downloads.get(), request, limit, context);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        throw new GenerationException(status >= 500 || status == 429 ? TEMPORARY : FAILED,
                "The picture could not be fetched from the image service (HTTP " + status + ").");
    }

    private HttpResponse<byte[]> send(HttpClient http, HttpRequest.Builder builder, long limit, GenerationContext context)
            throws GenerationException {
        context.throwIfCancelled();
        Duration remaining = Duration.between(clock.instant(), context.deadline());
        if (remaining.isNegative() || remaining.isZero()) {
            throw cancelled();
        }
        AtomicBoolean tooLarge = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(builder.timeout(remaining).build(), LimitedBody.handler(limit, tooLarge));
        try {
            while (true) {
                try {
                    return pending.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    if (context.isCancelled()) {
                        pending.cancel(true);
                        throw cancelled();
                    }
                }
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled();
        } catch (ExecutionException e) {
            throw failure(e.getCause(), tooLarge.get(), context);
        }
    }

    private GenerationException failure(Throwable cause, boolean tooLarge, GenerationContext context) {
        if (context.isCancelled()) {
            return cancelled();
        }
        if (tooLarge || causedBy(cause, LimitedBody.TooLarge.class)) {
            return new GenerationException(FAILED, "The image service sent more data than this site accepts.", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new GenerationException(TEMPORARY, "The image service did not answer in time. Please try again.",
                    cause);
        }
        if (cause instanceof IOException) {
            return new GenerationException(TEMPORARY, "The image service could not be reached. Please try again "
                    + "in a moment.", cause);
        }
        return new GenerationException(FAILED, "The image service could not be called.", cause);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void sleep(Duration wait, GenerationContext context) throws GenerationException {
        Instant until = clock.instant().plus(wait);
        while (clock.instant().isBefore(until)) {
            context.throwIfCancelled();
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, Duration.between(clock.instant(), until).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            }
        }
        context.throwIfCancelled();
    }

    /**
     * How long the service asked to wait: {@code retry-after-ms} (OpenAI's own), else {@code retry-after} in seconds
     * or as an HTTP date, else a growing default.
     */
    private Duration retryAfter(HttpResponse<?> response, int attempt) {
        var headers = response.headers();
        try {
            var millis = headers.firstValue("retry-after-ms");
            if (millis.isPresent()) {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().trim())));
            }
            var after = headers.firstValue("retry-after");
            if (after.isPresent()) {
                String value = after.get().trim();
                if (value.matches("\\d+(\\.\\d+)?")) {
                    return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                }
                Duration untilDate = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return untilDate.isNegative() ? Duration.ZERO : untilDate;
            }
        } catch (NumberFormatException | DateTimeParseException ignored) {
            // An unreadable header is treated as an absent one.
        }
        return DEFAULT_RETRY_WAIT.multipliedBy(1L << attempt);
    }

    private static GenerationException cancelled() {
        return new GenerationException(CANCELLED, "The generation was cancelled.");
    }
}
