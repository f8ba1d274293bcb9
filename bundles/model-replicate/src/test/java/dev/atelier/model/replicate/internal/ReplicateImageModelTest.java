package dev.atelier.model.replicate.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestMedia;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The image model against a replayed Replicate API: the host's contract, then what users and tenants notice. */
class ReplicateImageModelTest extends GenerationModelContract {

    /** Quick polling so the suite stays fast; the shipped pacing is 0.5 s growing to 2 s (30 s beside webhooks). */
    static final Pacing QUICK = new Pacing(Duration.ofMillis(20), Duration.ofMillis(80), 1.5, Duration.ofMillis(10),
            Duration.ofSeconds(30));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ReplicateApiStubs api = new ReplicateApiStubs(server);
    private final byte[] png = TestMedia.png(96, 64);

    @Override
    protected GenerationModel createModel() {
        return new ReplicateImageModel(QUICK);
    }

    @Override
    protected TenantContext tenant() {
        return api.tenant();
    }

    @BeforeEach
    void replayASucceedingPrediction() {
        api.createStartsPrediction();
        api.pollsWalkTo(api.prediction("succeeded", "100%|██████████| 20/20", api.outputUrls("out-0.png"), null));
        api.delivers("out-0.png", "image/png", png);
    }

    @Test
    void describesOneImageModelWhoseUnderlyingModelIsTheTenantsChoice() {
        assertThat(model.descriptor().id()).isEqualTo("replicate-image");
        assertThat(model.descriptor().output()).isEqualTo(MediaKind.IMAGE);
    }

    @Test
    void returnsTheDownloadedPictureWithItsRealTypeAndSize() throws Exception {
        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        GeneratedMedia media = result.outputs().get(0);
        assertThat(media.mediaType()).isEqualTo("image/png");
        assertThat(media.width()).isEqualTo(96);
        assertThat(media.height()).isEqualTo(64);
        try (InputStream in = media.open()) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
    }

    @Test
    void sendsTheTenantsVersionAndThePromptSizeAndSeedWithTheToken() throws Exception {
        Map<String, Object> parameters = Map.of("width", 768L, "height", 512L, "seed", 42L);
        GenerationRequest request = new GenerationRequest("a red fox in snow", "blurry", parameters, List.of());

        model.generate(request, newContext());

        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/predictions"))
                .withHeader("Authorization", equalTo("Bearer " + ReplicateApiStubs.TOKEN))
                .withRequestBody(equalToJson("{\"version\":\"" + ReplicateApiStubs.VERSION + "\",\"input\":"
                        + "{\"prompt\":\"a red fox in snow\",\"negative_prompt\":\"blurry\",\"width\":768,"
                        + "\"height\":512,\"seed\":42}}")));
    }

    @Test
    void sendsAnUploadedPictureAsDataUriUnderTheConfiguredFieldsAndMergesExtraInput() throws Exception {
        TestGenerationContext context = TestGenerationContext.create(api.tenant(Map.of(
                "input_prompt_field", "text", "input_image_field", "input_image",
                "extra_input", "{\"num_inference_steps\":4,\"output_format\":\"png\",\"width\":null,\"height\":null}")),
                Duration.ofMinutes(1));
        GenerationRequest request = new GenerationRequest("a red fox", null,
                Map.of("width", 1024L, "height", 1024L, "seed", 0L), List.of(TestMedia.upload("image/png", png)));

        model.generate(request, context);

        server.verify(postRequestedFor(urlPathEqualTo("/v1/predictions"))
                .withRequestBody(equalToJson("{\"version\":\"" + ReplicateApiStubs.VERSION + "\",\"input\":"
                        + "{\"text\":\"a red fox\",\"num_inference_steps\":4,\"output_format\":\"png\","
                        + "\"input_image\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                        + "\"}}")));
    }

    @Test
    void usesTheModelsEndpointWhenTheTenantNamesAModelInsteadOfAVersion() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(api.prediction("starting", "", null, null))));
        TestGenerationContext context = TestGenerationContext.create(api.tenant(Map.of(
                "version", "", "model", "black-forest-labs/flux-schnell")), Duration.ofMinutes(1));

        model.generate(request(model.descriptor()), context);

        server.verify(postRequestedFor(urlPathEqualTo("/v1/models/black-forest-labs/flux-schnell/predictions"))
                .withRequestBody(matchingJsonPath("$.input.prompt"))
                .withRequestBody(notContaining("\"version\"")));
    }

    @Test
    void downloadsOnlyTheFirstOfSeveralOutputsAndSendsNoTokenToTheDeliveryHost() throws Exception {
        api.pollsWalkTo(api.prediction("succeeded", "", api.outputUrls("out-0.png", "out-1.png"), null));
        api.delivers("out-1.png", "image/png", TestMedia.png(10, 10));

        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        assertThat(result.outputs()).hasSize(1);
        assertThat(result.outputs().get(0).width()).isEqualTo(96);
        server.verify(1, getRequestedFor(urlPathEqualTo("/delivery/out-0.png")).withHeader("Authorization", absent()));
        server.verify(0, getRequestedFor(urlPathEqualTo("/delivery/out-1.png")));
    }

    @Test
    void reportsRisingProgressFromTheModelsProgressBars() throws Exception {
        TestGenerationContext context = newContext();

        model.generate(request(model.descriptor()), context);

        // 10 % and 50 % of the model's bar, mapped into the running span 15..90.
        assertThat(context.progressPercents()).contains(0, 5, 22, 52, 92, 100).isSorted();
        assertThat(context.progressReports()).anySatisfy(r -> assertThat(r.stage()).isEqualTo("Generating"));
    }

    @Test
    void failedPredictionEndsAsFailedWithTheModelsReason() {
        api.pollsWalkTo(api.prediction("failed", "Traceback (most recent call last):\n ...",
                null, "Input image is too small: at least 256x256 pixels are needed\nTraceback: ..."));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FAILED);
                    assertThat(e.getMessage()).contains("Input image is too small").doesNotContain("Traceback");
                });
    }

    @Test
    void safetyFilterRefusalEndsAsContentRejected() {
        api.pollsWalkTo(api.prediction("failed", "", null,
                "NSFW content detected. Try running it again, or try a different prompt."));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONTENT_REJECTED));
    }

    @Test
    void userCancellingWhileThePredictionRunsCancelsItAtTheProviderAndEndsAsCancelled() {
        api.pollsStayProcessing();
        TestGenerationContext context = newContext().cancelWhen(report -> report.percent() >= 15);

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), context))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        server.verify(1, postRequestedFor(urlPathEqualTo(api.cancelPath()))
                .withHeader("Authorization", equalTo("Bearer " + ReplicateApiStubs.TOKEN)));
    }

    @Test
    void deadlinePassingWhileThePredictionRunsCancelsItAndEndsAsTemporary() {
        api.pollsStayProcessing();
        TestGenerationContext context = TestGenerationContext.create(tenant(), Duration.ofMillis(800));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), context))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TEMPORARY));
        server.verify(1, postRequestedFor(urlPathEqualTo(api.cancelPath())));
    }

    @Test
    void rateLimitedCreateIsSentAgainAfterRetryAfter() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/predictions")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"detail\":\"Request was throttled. Expected available in 1 second.\",\"status\":429}"))
                .willSetStateTo("open"));
        server.stubFor(post(urlPathEqualTo("/v1/predictions")).inScenario("throttle")
                .whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(api.prediction("starting", "", null, null))));

        long started = System.nanoTime();
        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        assertThat(result.outputs()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        server.verify(2, postRequestedFor(urlPathEqualTo("/v1/predictions")));
    }

    @Test
    void rateLimitOutlastingTheDeadlineEndsAsTemporary() {
        server.stubFor(post(urlPathEqualTo("/v1/predictions"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TEMPORARY));
        server.verify(1, postRequestedFor(urlPathEqualTo("/v1/predictions")));
    }

    @Test
    void rejectedTokenEndsAsFailedWithoutTheTokenInTheMessageOrTheLog() {
        server.stubFor(post(urlPathEqualTo("/v1/predictions"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unauthenticated\",\"detail\":\"Invalid token "
                                + ReplicateApiStubs.TOKEN + "\",\"status\":401}")));
        List<String> logLines = new ArrayList<>();
        Handler capture = LogLines.capturing(logLines);
        Logger logger = Logger.getLogger("dev.atelier.model.replicate");
        logger.addHandler(capture);
        try {
            assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                    .isInstanceOfSatisfying(GenerationException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.FAILED);
                        assertThat(e.getMessage()).doesNotContain(ReplicateApiStubs.TOKEN).contains("credentials");
                    });
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(ReplicateApiStubs.TOKEN));
    }

    @Test
    void invalidInputOnCreateEndsAsInvalidInputWithTheFieldProblem() {
        server.stubFor(post(urlPathEqualTo("/v1/predictions"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Input validation failed\",\"detail\":\"- input.width: Must be less "
                                + "than or equal to 1440\",\"status\":422,\"invalid_fields\":[{\"type\":"
                                + "\"less_than_equal\",\"field\":\"input.width\",\"description\":\"Must be less than "
                                + "or equal to 1440\"}]}")));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("Must be less than or equal to 1440");
                });
    }

    @Test
    void serverErrorOnCreateEndsAsTemporary() {
        server.stubFor(post(urlPathEqualTo("/v1/predictions")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TEMPORARY));
    }

    @Test
    void pollsThroughAPassingServerError() throws Exception {
        server.stubFor(get(urlPathEqualTo(api.predictionPath())).inScenario(ReplicateApiStubs.SCENARIO)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("booted"));

        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        assertThat(result.outputs()).hasSize(1);
    }

    @Test
    void missingTokenEndsAsFailedWithoutCallingTheApi() {
        TestGenerationContext context = TestGenerationContext.create(
                api.tenant(Map.of("api_token", "")), Duration.ofMinutes(1));

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), context))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FAILED);
                    assertThat(e.getMessage()).contains("not set up");
                });
        server.verify(0, postRequestedFor(urlPathEqualTo("/v1/predictions")));
    }

    @Test
    void aDeliveredFormatTheSiteCannotShowEndsAsFailed() {
        api.delivers("out-0.png", "image/png", "GIF89a not really".getBytes());

        assertThatThrownBy(() -> model.generate(request(model.descriptor()), newContext()))
                .isInstanceOfSatisfying(GenerationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FAILED));
    }
}
