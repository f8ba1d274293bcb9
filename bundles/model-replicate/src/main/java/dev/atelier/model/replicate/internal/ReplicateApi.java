package dev.atelier.model.replicate.internal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The predictions HTTP API: create, read and cancel a prediction, fetch its output, and read the account's webhook
 * secret. Status codes become {@link GenerationException} kinds here; the token goes only to the API's own host and
 * never into a log or a message.
 */
final class ReplicateApi {

    private static final Duration API_CALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration CANCEL_LIMIT = Duration.ofSeconds(3);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int MAX_RATE_LIMIT_RETRIES = 5;
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final ObjectMapper json;

    ReplicateApi(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * Creates a prediction. A rate limit with a {@code Retry-After} that ends before the deadline is waited out and the
     * request sent again (nothing was created); other refusals end the call.
     */
    Prediction create(ReplicateSettings settings, ObjectNode body, CallGuard guard) throws GenerationException {
        byte[] content = write(body);
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = apiRequest(settings, settings.createUrl(), guard)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                    .build();
            HttpResponse<byte[]> response = send(request, guard, settings, true);
            int status = response.statusCode();
            if (status == 200 || status == 201 || status == 202) {
                return prediction(response, settings);
            }
            if (status == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
                Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
                if (guard.fitsBeforeDeadline(wait)) {
                    log(INFO, guard, "rate limited on create, retrying in " + wait.toMillis() + " ms");
                    guard.sleep(wait);
                    continue;
                }
            }
            throw refusal("create", response, settings, guard);
        }
    }

    /**
     * Reads a prediction. Returns empty for a hiccup worth polling through (a rate limit, a 5xx, a dropped connection):
     * the prediction runs on regardless, and abandoning it would waste it.
     */
    Optional<Prediction> get(ReplicateSettings settings, URI url, CallGuard guard) throws GenerationException {
        HttpRequest request = apiRequest(settings, url, guard).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = send(request, guard, settings, false);
        } catch (TransientFailure e) {
            log(WARNING, guard, "poll failed: " + e.getMessage());
            return Optional.empty();
        }
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(prediction(response, settings));
        }
        if (status == 429) {
            Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
            log(INFO, guard, "rate limited on poll, waiting " + wait.toMillis() + " ms");
            guard.sleep(wait);
            return Optional.empty();
        }
        if (status >= 500) {
            log(WARNING, guard, "poll answered " + status);
            return Optional.empty();
        }
        throw refusal("poll", response, settings, guard);
    }

    /**
     * The account's default webhook signing secret ({@code GET /v1/webhooks/default/secret}, answering
     * {@code {"key": "whsec_..."}}), or empty with a warning when it cannot be read. The secret is never logged.
     */
    Optional<String> webhookSecret(ReplicateSettings settings, CallGuard guard) throws GenerationException {
        URI url = settings.resolve("/v1/webhooks/default/secret");
        HttpRequest request = apiRequest(settings, url, guard).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = send(request, guard, settings, false);
        } catch (TransientFailure e) {
            log(WARNING, guard, "webhook secret could not be read; polling instead");
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            log(WARNING, guard, "webhook secret request answered " + response.statusCode() + "; polling instead");
            return Optional.empty();
        }
        try {
            JsonNode key = json.readTree(response.body()).path("key");
            if (key.isTextual() && !key.asText().isBlank()) {
                return Optional.of(key.asText());
            }
        } catch (IOException e) {
            // reported below
        }
        log(WARNING, guard, "webhook secret answer holds no key; polling instead");
        return Optional.empty();
    }

    /** Asks the API to stop a prediction, briefly and without failing: the call is ending anyway. */
    void cancelQuietly(ReplicateSettings settings, URI url, String jobId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(CANCEL_LIMIT)
                    .header("Authorization", "Bearer " + settings.apiToken())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            CompletableFuture<HttpResponse<Void>> sent =
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            int status = sent.get(CANCEL_LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS).statusCode();
            ReplicateLog.LOG.log(INFO, "job={0}: cancelled prediction, API answered {1}", jobId, status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            ReplicateLog.LOG.log(WARNING, "job={0}: could not cancel prediction: {1}", jobId,
                    settings.redact(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Streams an output into {@code out}, at most {@code maxBytes}. The token is sent only when the URL (or a redirect)
     * is on the API's host; delivery hosts get no credentials.
     */
    void download(ReplicateSettings settings, URI url, long maxBytes, OutputStream out, CallGuard guard)
            throws GenerationException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(current).timeout(timeout(guard, guard.remaining()))
                    .GET();
            if (settings.isApiUrl(current)) {
                builder.header("Authorization", "Bearer " + settings.apiToken());
            }
            HttpResponse<InputStream> response = await(http.sendAsync(builder.build(),
                    HttpResponse.BodyHandlers.ofInputStream()), guard, settings, false);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                current = current.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            try (InputStream in = response.body()) {
                if (status != 200) {
                    log(WARNING, guard, "output download answered " + status);
                    throw new GenerationException(status >= 500 || status == 429 || status == 404 || status == 410
                            ? Kind.TEMPORARY : Kind.FAILED, "The result could not be fetched from the model. "
                            + "Please try again.");
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw tooLarge(guard, declared);
                }
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) != -1; ) {
                    guard.checkpoint();
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge(guard, total);
                    }
                    out.write(buffer, 0, n);
                }
                return;
            } catch (IOException e) {
                log(WARNING, guard, "output download broke off: " + e.getClass().getSimpleName());
                throw new GenerationException(Kind.TEMPORARY, "The result could not be fetched from the model. "
                        + "Please try again.", e);
            }
        }
        throw new GenerationException(Kind.FAILED, "The result could not be fetched from the model.");
    }

    private HttpRequest.Builder apiRequest(ReplicateSettings settings, URI url, CallGuard guard)
            throws GenerationException {
        return HttpRequest.newBuilder(url)
                .timeout(timeout(guard, API_CALL_LIMIT))
                .header("Authorization", "Bearer " + settings.apiToken())
                .header("Accept", "application/json");
    }

    private static Duration timeout(CallGuard guard, Duration limit) throws GenerationException {
        Duration remaining = guard.remaining();
        if (remaining.isZero()) {
            throw guard.stopped();
        }
        return remaining.compareTo(limit) < 0 ? remaining : limit;
    }

    /** Sends and waits, noticing cancellation while the request is under way. */
    private HttpResponse<byte[]> send(HttpRequest request, CallGuard guard, ReplicateSettings settings,
            boolean creates) throws GenerationException {
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return await(sent, guard, settings, creates);
        } catch (GenerationException e) {
            if (creates && !sent.isDone()) {
                // The prediction may still be created after we stopped waiting: cancel it once it is, so it costs nothing.
                sent.thenAccept(late -> cancelLateCreation(late, settings, guard.context().jobId()));
            }
            throw e;
        }
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> sent, CallGuard guard,
            ReplicateSettings settings, boolean creates) throws GenerationException {
        while (true) {
            guard.checkpoint();
            try {
                return sent.get(guard.pacing().tick().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: look at cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationException(Kind.CANCELLED, "The generation was cancelled.");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    guard.checkpoint();
                }
                String what = cause == null ? "unknown" : cause.getClass().getSimpleName();
                log(WARNING, guard, (creates ? "create" : "request") + " failed: " + what);
                throw new TransientFailure(what, cause);
            }
        }
    }

    private void cancelLateCreation(HttpResponse<byte[]> late, ReplicateSettings settings, String jobId) {
        if (late.statusCode() / 100 != 2) {
            return;
        }
        try {
            Prediction prediction = prediction(late, settings);
            if (!prediction.isFinal() && prediction.id() != null) {
                cancelQuietly(settings, cancelUrl(settings, prediction), jobId);
            }
        } catch (GenerationException e) {
            // unreadable: nothing to cancel
        }
    }

    static URI cancelUrl(ReplicateSettings settings, Prediction prediction) {
        return prediction.cancelUrl() != null && settings.isApiUrl(prediction.cancelUrl()) ? prediction.cancelUrl()
                : settings.resolve("/v1/predictions/" + prediction.id() + "/cancel");
    }

    private Prediction prediction(HttpResponse<byte[]> response, ReplicateSettings settings)
            throws GenerationException {
        try {
            JsonNode node = json.readTree(response.body());
            Prediction prediction = Prediction.of(node);
            if (prediction.id() == null || prediction.status() == null) {
                throw new IOException("no id or status");
            }
            return prediction;
        } catch (IOException e) {
            ReplicateLog.LOG.log(WARNING, "unreadable prediction from {0}: {1}", settings.baseUrl(), e.getMessage());
            throw new GenerationException(Kind.TEMPORARY, "The model answered in a way we could not understand. "
                    + "Please try again.");
        }
    }

    /** The exception for an answer that is not a success, written for the user. */
    private GenerationException refusal(String what, HttpResponse<byte[]> response, ReplicateSettings settings,
            CallGuard guard) {
        int status = response.statusCode();
        String detail = settings.redact(problemDetail(response));
        log(WARNING, guard, what + " answered " + status + (detail.isEmpty() ? "" : ": " + UserText.line(detail)));
        if (status == 401 || status == 403) {
            return new GenerationException(Kind.FAILED,
                    "The model service did not accept this site's credentials. Please tell the site's team.");
        }
        if (status == 402) {
            return new GenerationException(Kind.FAILED,
                    "The model service account of this site is out of funds. Please tell the site's team.");
        }
        if (status == 404) {
            return new GenerationException(Kind.FAILED, "The model set up for this site could not be found.");
        }
        if (status == 422 || status == 400) {
            return new GenerationException(Kind.INVALID_INPUT, "The model did not accept this request"
                    + (detail.isEmpty() ? "." : ": " + UserText.line(detail)));
        }
        if (status == 429) {
            return new GenerationException(Kind.TEMPORARY, "The model is busy right now. Please try again shortly.");
        }
        if (status >= 500) {
            return new GenerationException(Kind.TEMPORARY,
                    "The model service is having trouble right now. Please try again shortly.");
        }
        return new GenerationException(Kind.FAILED, "The model service refused this request.");
    }

    /** The problem's {@code detail}, or the descriptions of its {@code invalid_fields}; empty when there is none. */
    private String problemDetail(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0 || body.length > MAX_ERROR_BODY) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            StringBuilder fields = new StringBuilder();
            for (JsonNode field : node.path("invalid_fields")) {
                String description = field.path("description").asText("");
                if (!description.isEmpty()) {
                    fields.append(fields.length() == 0 ? "" : "; ").append(description);
                }
            }
            return fields.length() > 0 ? fields.toString() : node.path("detail").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(header.get());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private byte[] write(ObjectNode body) throws GenerationException {
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GenerationException(Kind.FAILED, "The request could not be prepared.", e);
        }
    }

    private static GenerationException tooLarge(CallGuard guard, long bytes) {
        log(WARNING, guard, "output too large: " + bytes + " bytes");
        return new GenerationException(Kind.FAILED, "The model's result is larger than this site accepts.");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to keep
        }
    }

    private static void log(System.Logger.Level level, CallGuard guard, String message) {
        ReplicateLog.forCall(level, guard.context(), message);
    }

    /** The network failed (refused connection, reset, timeout): the provider may be fine a moment later. */
    static final class TransientFailure extends GenerationException {
        private static final long serialVersionUID = 1L;

        TransientFailure(String what, Throwable cause) {
            super(Kind.TEMPORARY, "The model service could not be reached. Please try again shortly.", cause);
        }
    }
}
