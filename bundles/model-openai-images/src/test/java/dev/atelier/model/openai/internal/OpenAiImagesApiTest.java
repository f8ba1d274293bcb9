package dev.atelier.model.openai.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestMedia;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the model speaks the images API and turns its answers into what users see. */
class OpenAiImagesApiTest {

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static final String KEY = "sk-proj-Secr3tTestKeyThatMustNeverShow";
    private static final String GENERATIONS = "/v1/images/generations";
    private static final String EDITS = "/v1/images/edits";
    private static final String PROMPT = "a lighthouse on a cliff at dusk";

    private final GenerationModel model = new OpenAiImagesModel();
    private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopCanceller() {
        canceller.shutdownNow();
    }

    @Test
    void sendsTheDocumentedGenerationsRequestWithTheTenantsKeyModelAndOrganization() throws Exception {
        byte[] picture = TestMedia.png(48, 32);
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(okJson(ApiAnswers.b64Answer(picture))));

        GeneratedMedia media = generate(request("1536x1024", "high"),
                context(Map.of("model", "gpt-image-1-mini", "organization", "org-atelier"))).outputs().get(0);

        API.verify(postRequestedFor(urlEqualTo(GENERATIONS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("OpenAI-Organization", equalTo("org-atelier"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-1-mini\",\"prompt\":\"" + PROMPT
                        + "\",\"size\":\"1536x1024\",\"quality\":\"high\",\"n\":1}")));
        assertThat(media.mediaType()).isEqualTo("image/png");
        assertThat(media.width()).isEqualTo(48);
        assertThat(media.height()).isEqualTo(32);
        assertThat(bytes(media)).isEqualTo(picture);
    }

    @Test
    void usesGptImage1AndTheOpenAiAddressUnlessConfiguredOtherwise() throws Exception {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(okJson(ApiAnswers.b64Answer(TestMedia.png(8, 8)))));

        generate(request("1024x1024", "auto"), context(Map.of()));

        API.verify(postRequestedFor(urlEqualTo(GENERATIONS))
                .withRequestBody(equalToJson("{\"model\":\"gpt-image-1\",\"prompt\":\"" + PROMPT
                        + "\",\"size\":\"1024x1024\",\"quality\":\"auto\",\"n\":1}"))
                .withoutHeader("OpenAI-Organization"));
        assertThat(ImagesSettings.DEFAULT_BASE_URL).isEqualTo("https://api.openai.com");
    }

    @Test
    void sendsAnUploadedPictureWithThePromptToTheEditsEndpointAsMultipart() throws Exception {
        byte[] upload = TestMedia.jpeg(40, 30);
        byte[] edited = TestMedia.png(64, 48);
        API.stubFor(post(urlEqualTo(EDITS)).willReturn(okJson(ApiAnswers.b64Answer(edited))));
        GenerationRequest request = new GenerationRequest(PROMPT, null,
                Map.of("size", "1024x1536", "quality", "auto"), List.of(TestMedia.upload("image/jpeg", upload)));

        GeneratedMedia media = generate(request, context(Map.of())).outputs().get(0);

        API.verify(postRequestedFor(urlEqualTo(EDITS))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("image[]").withBody(binaryEqualTo(upload))
                        .withHeader("Content-Type", equalTo("image/jpeg")).build())
                .withRequestBodyPart(aMultipart().withName("prompt").withBody(equalTo(PROMPT)).build())
                .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("gpt-image-1")).build())
                .withRequestBodyPart(aMultipart().withName("size").withBody(equalTo("1024x1536")).build()));
        API.verify(0, postRequestedFor(urlEqualTo(GENERATIONS)));
        assertThat(media.width()).isEqualTo(64);
        assertThat(bytes(media)).isEqualTo(edited);
    }

    @Test
    void refusesAnUploadTheEditsEndpointCannotTakeWithoutCallingIt() {
        GenerationRequest request = new GenerationRequest(PROMPT, null,
                Map.of("size", "1024x1024", "quality", "auto"),
                List.of(TestMedia.upload("image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'})));

        GenerationException e = failure(request, context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.INVALID_INPUT);
        assertThat(e.getMessage()).contains("PNG, JPEG and WebP");
        API.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSafetyRefusalIsRejectedContent() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("Your request was rejected as a result of our safety system. Your "
                        + "prompt may contain text that is not allowed by our safety system.",
                        "invalid_request_error", "content_policy_violation"))));
        API.stubFor(post(urlEqualTo(EDITS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("Your request was rejected by the safety system.",
                        "image_generation_user_error", "moderation_blocked"))));
        GenerationRequest edit = new GenerationRequest(PROMPT, null, Map.of("size", "1024x1024", "quality", "auto"),
                List.of(TestMedia.upload("image/png", TestMedia.png(8, 8))));

        GenerationException generation = failure(request("1024x1024", "auto"), context(Map.of()));
        GenerationException editing = failure(edit, context(Map.of()));

        assertThat(generation.kind()).isEqualTo(GenerationException.Kind.CONTENT_REJECTED);
        assertThat(editing.kind()).isEqualTo(GenerationException.Kind.CONTENT_REJECTED);
        assertThat(generation.getMessage()).contains("safety system");
    }

    @Test
    void anotherBadRequestIsInvalidInputWithTheServicesReason() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("Invalid prompt: the prompt is longer than 32000 characters.",
                        "invalid_request_error", "invalid_value"))));

        GenerationException e = failure(request("1024x1024", "auto"), context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.INVALID_INPUT);
        assertThat(e.getMessage()).contains("longer than 32000 characters");
    }

    @Test
    void aRejectedKeyFailsWithAMessageForTheOperatorThatNeverShowsTheKey() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("Incorrect API key provided: " + KEY + ". You can find your API key at "
                        + "https://platform.openai.com/account/api-keys.", "invalid_request_error",
                        "invalid_api_key"))));

        GenerationException e = failure(request("1024x1024", "auto"), context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.FAILED);
        assertThat(e.getMessage()).contains("api_key").doesNotContain(KEY).doesNotContain("sk-");
        assertThat(String.valueOf(e.getCause())).doesNotContain(KEY);
        API.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterTheWaitTheServiceAskedFor() throws Exception {
        API.stubFor(post(urlEqualTo(GENERATIONS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(rateLimited("1")).willSetStateTo("free"));
        API.stubFor(post(urlEqualTo(GENERATIONS)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(okJson(ApiAnswers.b64Answer(TestMedia.png(16, 16)))));
        long start = System.nanoTime();

        GenerationResult result = generate(request("1024x1024", "auto"), context(Map.of()));

        assertThat(result.outputs().get(0).width()).isEqualTo(16);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        API.verify(2, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void aServiceThatStaysRateLimitedIsTemporaryAfterTwoRetries() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(rateLimited("1")));

        GenerationException e = failure(request("1024x1024", "auto"), context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.TEMPORARY);
        API.verify(1 + ImagesClient.MAX_RETRIES, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void aWaitBeyondTheDeadlineIsNotWaitedFor() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(rateLimited("30")));
        TestGenerationContext context = TestGenerationContext.create(tenant(Map.of()), Duration.ofSeconds(10));

        GenerationException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> failure(request("1024x1024", "auto"), context));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.TEMPORARY);
        API.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void anExhaustedQuotaFailsAtOnceForTheOperatorToFix() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("You exceeded your current quota, please check your plan and billing "
                        + "details.", "insufficient_quota", "insufficient_quota"))));

        GenerationException e = failure(request("1024x1024", "auto"), context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.FAILED);
        API.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void aServerErrorIsTemporary() {
        API.stubFor(post(urlEqualTo(GENERATIONS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody(ApiAnswers.error("The server had an error while processing your request.", "server_error",
                        null))));

        GenerationException e = failure(request("1024x1024", "auto"), context(Map.of()));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.TEMPORARY);
        API.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    @Test
    void anUnreachableServiceIsTemporary() {
        GenerationException e = failure(request("1024x1024", "auto"),
                TestGenerationContext.create(TestTenantContext.withConfig(Map.of("api_key", KEY,
                        "base_url", "http://127.0.0.1:1")), Duration.ofSeconds(20)));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.TEMPORARY);
    }

    @Test
    void aLinkedPictureIsDownloadedWithoutTheKey() throws Exception {
        byte[] picture = TestMedia.png(20, 10);
        API.stubFor(post(urlEqualTo(GENERATIONS))
                .willReturn(okJson(ApiAnswers.urlAnswer(API.baseUrl() + "/files/img-abc.png"))));
        API.stubFor(get(urlEqualTo("/files/img-abc.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(picture)));

        GeneratedMedia media = generate(request("1024x1024", "auto"), context(Map.of())).outputs().get(0);

        assertThat(bytes(media)).isEqualTo(picture);
        assertThat(media.width()).isEqualTo(20);
        assertThat(media.height()).isEqualTo(10);
        API.verify(getRequestedFor(urlEqualTo("/files/img-abc.png")).withoutHeader("Authorization"));
    }

    @Test
    void aLinkedPictureLargerThanTheCapIsRefused() {
        API.stubFor(post(urlEqualTo(GENERATIONS))
                .willReturn(okJson(ApiAnswers.urlAnswer(API.baseUrl() + "/files/huge.png"))));
        API.stubFor(get(urlEqualTo("/files/huge.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(TestMedia.png(256, 256))));
        GenerationModel capped = new OpenAiImagesModel("1.0.0", 100);

        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> capped.generate(request("1024x1024", "auto"), context(Map.of())));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(GenerationException.Kind.FAILED);
        assertThat(e.getMessage()).contains("more data than this site accepts");
    }

    @Test
    void aMissingKeyFailsWithAMessageForTheOperatorAndCallsNothing() {
        TestGenerationContext context = TestGenerationContext.create(
                TestTenantContext.withConfig(Map.of("base_url", API.baseUrl())), Duration.ofSeconds(30));

        GenerationException e = failure(request("1024x1024", "auto"), context);

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.FAILED);
        assertThat(e.getMessage()).contains("api_key").contains("operator");
        API.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void cancellingWhileTheServiceWorksEndsTheCallAtOnce() {
        API.stubFor(post(urlEqualTo(GENERATIONS))
                .willReturn(okJson(ApiAnswers.b64Answer(TestMedia.png(8, 8))).withFixedDelay(5_000)));
        TestGenerationContext context = context(Map.of());
        canceller.schedule(context::cancel, 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();

        GenerationException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> failure(request("1024x1024", "auto"), context));

        assertThat(e.kind()).isEqualTo(GenerationException.Kind.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        API.verify(1, postRequestedFor(urlEqualTo(GENERATIONS)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rateLimited(String retryAfter) {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after", retryAfter)
                .withBody(ApiAnswers.error("Rate limit reached for gpt-image-1 in organization org-atelier on images "
                        + "per minute (IPM): Limit 5, Used 5, Requested 1.", "requests", "rate_limit_exceeded"));
    }

    private GenerationResult generate(GenerationRequest request, TestGenerationContext context) throws Exception {
        GenerationResult result = model.generate(request, context);
        assertThat(context.progressPercents()).isSorted().allSatisfy(p -> assertThat(p).isBetween(0, 100));
        return result;
    }

    private GenerationException failure(GenerationRequest request, TestGenerationContext context) {
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> model.generate(request, context));
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }

    private static GenerationRequest request(String size, String quality) {
        return GenerationRequest.of(PROMPT, Map.of("size", size, "quality", quality));
    }

    private static TestGenerationContext context(Map<String, String> extra) {
        return TestGenerationContext.create(tenant(extra), Duration.ofSeconds(30));
    }

    private static TestTenantContext tenant(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("base_url", API.baseUrl(), "api_key", KEY));
        config.putAll(extra);
        return TestTenantContext.withConfig(config);
    }

    private static byte[] bytes(GeneratedMedia media) throws Exception {
        try (InputStream in = media.open()) {
            return in.readAllBytes();
        }
    }
}
