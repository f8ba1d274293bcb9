package dev.atelier.model.replicate.internal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs one generation as a Replicate prediction: creates it, follows it to a final status while reporting progress,
 * cancels it when the call stops, and downloads its output before returning (output URLs expire within the hour).
 *
 * <p>When the host offers {@link Callbacks} (the platform has a public address) and the tenant's webhook secret can be
 * had, the prediction is created with {@code webhook} (the call's callback URL) and {@code webhook_events_filter}
 * ({@code start}, {@code output}, {@code logs}, {@code completed}), and the model follows it through the signed
 * messages Replicate sends there ({@link WebhookUpdates}), reading the prediction itself only every
 * {@link Pacing#safetyPoll()} in case messages are lost. Otherwise it polls {@code urls.get}.
 */
final class PredictionRunner {

    static final long MAX_IMAGE_BYTES = 50L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 500L * 1024 * 1024;
    static final long MAX_INPUT_IMAGE_BYTES = 10L * 1024 * 1024;
    private static final int FETCHING = 92;

    /** Provider errors that mean the safety filter refused the prompt, the input or the result. */
    private static final Pattern CONTENT_REFUSAL = Pattern.compile(
            "(?i)\\b(nsfw|not safe for work|safety|unsafe|inappropriate|flagged|sensitive|content)\\b");

    private final MediaKind output;
    private final Pacing pacing;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookSecrets webhookSecrets = new WebhookSecrets();
    private ReplicateApi api;

    PredictionRunner(MediaKind output, Pacing pacing) {
        this.output = output;
        this.pacing = pacing;
    }

    GenerationResult run(GenerationRequest request, GenerationContext context) throws GenerationException {
        context.throwIfCancelled();
        context.progress(0, "Preparing");
        ReplicateSettings settings = ReplicateSettings.of(context.tenant(), json);
        ObjectNode body = body(settings, request);
        context.throwIfCancelled();

        CallGuard guard = new CallGuard(context, pacing);
        Progress progress = new Progress(context);
        Optional<Callbacks> callbacks = context.callbacks();
        Optional<WebhookSignature> signature = callbacks.isPresent()
                ? webhookSecrets.signature(settings, api(), guard) : Optional.empty();
        if (signature.isPresent()) {
            body.put("webhook", callbacks.get().url().toString());
            body.putArray("webhook_events_filter").add("start").add("output").add("logs").add("completed");
        }
        Prediction prediction = api().create(settings, body, guard);
        log(INFO, context, "created prediction " + prediction.id() + " (" + prediction.status() + "), "
                + (signature.isPresent() ? "waiting for webhooks" : "polling"));
        progress.report(ProgressEstimate.CREATED, "Sent to the model");
        Optional<WebhookUpdates> webhooks = signature.map(
                checked -> new WebhookUpdates(callbacks.get(), checked, prediction.id(), json, guard));
        PredictionWatch watch = new PredictionWatch(api(), settings, prediction, guard, webhooks,
                () -> webhookSecrets.forget(settings));
        Prediction finished = untilFinal(settings, prediction, watch, guard, progress);
        URI outputUrl = outcome(finished, guard);

        progress.report(FETCHING, "Fetching the result");
        GenerationResult result = output == MediaKind.VIDEO
                ? fetchVideo(settings, outputUrl, guard) : fetchImage(settings, outputUrl, guard);
        progress.report(100, "Done");
        return result;
    }

    /** {@code {version?, input}}: the tenant's extra input, then the request, then the tenant's removals. */
    ObjectNode body(ReplicateSettings settings, GenerationRequest request) throws GenerationException {
        ObjectNode input = json.createObjectNode();
        List<String> removed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = settings.extraInput().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                removed.add(field.getKey());
            } else {
                input.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        input.put(settings.promptField(), request.prompt());
        request.negativePrompt().ifPresent(negative -> input.put("negative_prompt", negative));
        Optional<InputMedia> image = request.inputs().stream().filter(m -> m.kind() == MediaKind.IMAGE).findFirst();
        if (image.isPresent()) {
            input.put(settings.imageField(), dataUri(image.get()));
        }
        for (String name : List.of(ReplicateModels.WIDTH, ReplicateModels.HEIGHT)) {
            if (request.parameters().get(name) instanceof Number) {
                input.put(name, request.longParameter(name));
            }
        }
        if (request.parameters().get(ReplicateModels.SEED) instanceof Number
                && request.longParameter(ReplicateModels.SEED) > 0) {
            input.put(ReplicateModels.SEED, request.longParameter(ReplicateModels.SEED));
        }
        removed.stream().filter(name -> !name.equals(settings.promptField())).forEach(input::remove);

        ObjectNode body = json.createObjectNode();
        if (settings.version() != null) {
            body.put("version", settings.version());
        }
        body.set("input", input);
        return body;
    }

    private Prediction untilFinal(ReplicateSettings settings, Prediction created, PredictionWatch watch,
            CallGuard guard, Progress progress) throws GenerationException {
        Prediction prediction = created;
        long statusSince = System.nanoTime();
        try {
            while (!prediction.isFinal()) {
                Optional<Prediction> update = watch.next();
                // Webhook messages may arrive out of order: one that is behind what is known tells nothing new.
                if (update.isEmpty() || update.get().stage() < prediction.stage()) {
                    continue;
                }
                if (!update.get().status().equals(prediction.status())) {
                    log(INFO, guard.context(), "prediction " + prediction.id() + " is " + update.get().status());
                    statusSince = System.nanoTime();
                }
                prediction = update.get();
                if (!prediction.isFinal()) {
                    double seconds = (System.nanoTime() - statusSince) / 1e9;
                    progress.report(ProgressEstimate.percent(prediction.status(), prediction.logs(), seconds),
                            prediction.isProcessing() ? "Generating" : "Waiting for the model to start");
                }
            }
            return prediction;
        } catch (GenerationException e) {
            // Stop the provider's work (and its bill) when this call gives up on it, whatever the reason.
            api().cancelQuietly(settings, ReplicateApi.cancelUrl(settings, prediction), guard.context().jobId());
            throw e;
        }
    }

    /** The output URL of a succeeded prediction, or the exception for any other final status. */
    private URI outcome(Prediction prediction, CallGuard guard) throws GenerationException {
        switch (prediction.status()) {
            case "succeeded":
                return prediction.firstOutputUrl().orElseThrow(() -> {
                    log(WARNING, guard.context(), "prediction " + prediction.id() + " succeeded without an output URL");
                    return new GenerationException(Kind.FAILED, "The model finished without a result.");
                });
            case "failed":
                String error = UserText.line(prediction.error());
                log(WARNING, guard.context(), "prediction " + prediction.id() + " failed: " + error);
                if (CONTENT_REFUSAL.matcher(error).find()) {
                    return fail(Kind.CONTENT_REJECTED, "The model's safety filter refused this request. "
                            + "Please change the prompt or the picture and try again.");
                }
                return fail(Kind.FAILED, "The model could not make this"
                        + (error.isEmpty() ? "." : ": " + error));
            default:
                if (guard.stopRequested()) {
                    throw guard.stopped();
                }
                log(WARNING, guard.context(), "prediction " + prediction.id() + " ended " + prediction.status());
                return fail(Kind.TEMPORARY, "The model service stopped this generation before it finished. "
                        + "Please try again.");
        }
    }

    private static URI fail(Kind kind, String message) throws GenerationException {
        throw new GenerationException(kind, message);
    }

    private GenerationResult fetchImage(ReplicateSettings settings, URI url, CallGuard guard)
            throws GenerationException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        api().download(settings, url, MAX_IMAGE_BYTES, bytes, guard);
        byte[] content = bytes.toByteArray();
        ImageProbe.Image image = ImageProbe.of(content).orElseThrow(() -> {
            log(WARNING, guard.context(), "output is not a PNG, JPEG or WebP picture");
            return new GenerationException(Kind.FAILED, "The model returned a kind of picture this site cannot show.");
        });
        return GenerationResult.of(GeneratedMedia.image(image.mediaType(), content, image.width(), image.height()));
    }

    private GenerationResult fetchVideo(ReplicateSettings settings, URI url, CallGuard guard)
            throws GenerationException {
        Path file = null;
        boolean handedOver = false;
        try {
            file = Files.createTempFile("replicate-", ".mp4");
            try (OutputStream out = Files.newOutputStream(file)) {
                api().download(settings, url, MAX_VIDEO_BYTES, out, guard);
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16);
            }
            Optional<Mp4Probe.Video> video = Mp4Probe.looksLikeMp4(head) ? Mp4Probe.of(file) : Optional.empty();
            if (video.isEmpty()) {
                log(WARNING, guard.context(), "output is not a readable MP4 video");
                throw new GenerationException(Kind.FAILED, "The model returned a kind of video this site cannot show.");
            }
            GenerationResult result = GenerationResult.of(GeneratedMedia.video("video/mp4", file,
                    video.get().width(), video.get().height(), video.get().durationMillis()));
            handedOver = true;
            return result;
        } catch (IOException e) {
            throw new GenerationException(Kind.TEMPORARY, "The video could not be saved. Please try again.", e);
        } finally {
            if (!handedOver && file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log(WARNING, guard.context(), "could not delete a temporary video file");
                }
            }
        }
    }

    private static String dataUri(InputMedia media) throws GenerationException {
        if (media.size() > MAX_INPUT_IMAGE_BYTES) {
            throw new GenerationException(Kind.INVALID_INPUT, "The picture is too large for this model (at most "
                    + MAX_INPUT_IMAGE_BYTES / (1024 * 1024) + " MB).");
        }
        try (InputStream in = media.open()) {
            byte[] content = in.readNBytes((int) MAX_INPUT_IMAGE_BYTES + 1);
            if (content.length > MAX_INPUT_IMAGE_BYTES) {
                throw new GenerationException(Kind.INVALID_INPUT, "The picture is too large for this model.");
            }
            return "data:" + media.mediaType() + ";base64," + Base64.getEncoder().encodeToString(content);
        } catch (IOException e) {
            throw new GenerationException(Kind.INVALID_INPUT, "The picture could not be read.", e);
        }
    }

    private synchronized ReplicateApi api() {
        // Built on first use, not in the component's constructor: activation stays cheap.
        if (api == null) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            api = new ReplicateApi(http, json);
        }
        return api;
    }

    private static void log(System.Logger.Level level, GenerationContext context, String message) {
        ReplicateLog.forCall(level, context, message);
    }

    /** Progress that only goes forward, as the host shows it. */
    private static final class Progress {
        private final GenerationContext context;
        private int last = 0;

        Progress(GenerationContext context) {
            this.context = context;
        }

        void report(int percent, String stage) {
            if (percent > last) {
                last = Math.min(100, percent);
                context.progress(last, stage);
            }
        }
    }
}
