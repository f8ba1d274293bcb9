package dev.atelier.model.replicate.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.model.CallbackMessage;
import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationException.Kind;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestCallbacks;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestMedia;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image model when the host offers a callback URL: Replicate is asked to send webhooks there, and the model follows
 * the prediction through the signed messages that arrive instead of polling it. Messages are delivered from the test
 * thread once the replayed API has seen the create, as the host would pass them on.
 */
class ReplicateWebhookTest {

    /** Safety polls far apart: a job that finishes without a GET of the prediction finished from its webhooks. */
    private static final Pacing WEBHOOKS = ReplicateImageModelTest.QUICK.withSafetyPoll(Duration.ofMinutes(5));
    private static final URI HOOK = URI.create("https://auratuner.example/hooks/generation/job_test/Zk3q9xVw2mLr");
    private static final String TENANT_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "tenant-configured-signing-key-01".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_PREDICTION = "q6bmwf4x5nrgc0cjm8v8ttj2ng";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ReplicateApiStubs api = new ReplicateApiStubs(server);
    private final byte[] png = TestMedia.png(96, 64);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private final AtomicInteger messageIds = new AtomicInteger();

    @BeforeEach
    void replayAPredictionThatOnlyWebhooksFinish() {
        api.createStartsPrediction();
        api.pollsStayProcessing();
        api.webhookSecretIs(ReplicateApiStubs.WEBHOOK_SECRET);
        api.delivers("out-0.png", "image/png", png);
        api.delivers("forged.png", "image/png", TestMedia.png(8, 8));
    }

    @AfterEach
    void stopCaller() {
        caller.shutdownNow();
    }

    @Test
    void finishesFromSignedWebhookMessagesWithoutPollingThePrediction() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext context = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1));
        TestCallbacks callbacks = context.withCallbacks(HOOK);

        Future<GenerationResult> running = start(model, context);
        awaitCreates(1);
        deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET, api.prediction("processing", "Using seed: 42\n"
                + " 50%|█████     | 10/20 [00:02<00:02,  5.01it/s]", null, null));
        deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET, succeeded());
        GenerationResult result = finish(running);

        assertThat(bytes(result)).isEqualTo(png);
        assertThat(context.progressPercents()).contains(5, 52, 100).isSorted();
        server.verify(postRequestedFor(urlPathEqualTo("/v1/predictions"))
                .withRequestBody(equalToJson("{\"webhook\":\"" + HOOK + "\",\"webhook_events_filter\":"
                        + "[\"start\",\"output\",\"logs\",\"completed\"]}", false, true)));
        server.verify(0, getRequestedFor(urlPathEqualTo(api.predictionPath())));
    }

    @Test
    void ignoresForgedStaleUnsignedAndOtherPredictionsMessagesAndFinishesFromTheGenuineOne() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext context = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1));
        TestCallbacks callbacks = context.withCallbacks(HOOK);
        String forged = api.prediction("succeeded", "", api.outputUrls("forged.png"), null);

        Future<GenerationResult> running = start(model, context);
        awaitCreates(1);
        callbacks.deliver(ReplicateApiStubs.signed(TENANT_SECRET, "msg_wrong_key", Instant.now(), forged), forged);
        callbacks.deliver(ReplicateApiStubs.signed(ReplicateApiStubs.WEBHOOK_SECRET, "msg_stale",
                Instant.now().minus(Duration.ofMinutes(10)), forged), forged);
        Map<String, String> unsigned = new HashMap<>(ReplicateApiStubs.signed(ReplicateApiStubs.WEBHOOK_SECRET,
                "msg_unsigned", Instant.now(), forged));
        unsigned.remove("Webhook-Signature");
        callbacks.deliver(unsigned, forged);
        deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET,
                forged.replace(ReplicateApiStubs.PREDICTION, OTHER_PREDICTION));
        deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET, succeeded());
        GenerationResult result = finish(running);

        assertThat(bytes(result)).isEqualTo(png);
        server.verify(0, getRequestedFor(urlPathEqualTo("/delivery/forged.png")));
        assertThat(callbacks.taken()).isEqualTo(5);
    }

    @Test
    void safetyPollFinishesAJobWhoseWebhooksNeverArrive() throws Exception {
        api.pollsWalkTo(succeeded());
        GenerationModel model = new ReplicateImageModel(
                ReplicateImageModelTest.QUICK.withSafetyPoll(Duration.ofMillis(50)));
        TestGenerationContext context = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1));
        context.withCallbacks(HOOK);

        GenerationResult result = model.generate(request(), context);

        assertThat(bytes(result)).isEqualTo(png);
        server.verify(postRequestedFor(urlPathEqualTo("/v1/predictions"))
                .withRequestBody(equalToJson("{\"webhook\":\"" + HOOK + "\"}", false, true)));
        server.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(api.predictionPath())));
    }

    @Test
    void usesARepeatedWebhookIdOnceEvenWhenTheHostPassesItOn() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext test = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1));
        RepeatingHostCallbacks callbacks = new RepeatingHostCallbacks();
        String processing = api.prediction("processing", " 50%|█████     | 10/20", null, null);
        Map<String, String> once = ReplicateApiStubs.signed(ReplicateApiStubs.WEBHOOK_SECRET, "msg_2Lq0aVv8",
                Instant.now(), processing);
        List<String> logLines = new ArrayList<>();
        Handler capture = LogLines.capturing(logLines);
        Logger logger = Logger.getLogger("dev.atelier.model.replicate");
        logger.addHandler(capture);
        try {
            Future<GenerationResult> running = start(model, offering(callbacks, test));
            awaitCreates(1);
            callbacks.deliver(once, processing);
            callbacks.deliver(once, processing);
            String done = succeeded();
            callbacks.deliver(ReplicateApiStubs.signed(ReplicateApiStubs.WEBHOOK_SECRET, "msg_7Hc1nQe3", Instant.now(),
                    done), done);
            assertThat(bytes(finish(running))).isEqualTo(png);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(logLines).filteredOn(line -> line.contains("msg_2Lq0aVv8") && line.contains("repeat")).hasSize(1);
        assertThat(callbacks.waiting()).isZero();
        server.verify(0, getRequestedFor(urlPathEqualTo(api.predictionPath())));
    }

    @Test
    void readsTheAccountsWebhookSecretOnceWhenTheTenantSetNoneAndNeverLogsIt() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        List<String> logLines = new ArrayList<>();
        Handler capture = LogLines.capturing(logLines);
        Logger logger = Logger.getLogger("dev.atelier.model.replicate");
        logger.addHandler(capture);
        try {
            for (int job = 1; job <= 2; job++) {
                TestGenerationContext context = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1));
                TestCallbacks callbacks = context.withCallbacks(HOOK);
                Future<GenerationResult> running = start(model, context);
                awaitCreates(job);
                callbacks.deliver(Map.of("webhook-id", "msg_unsigned"), succeeded());
                deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET, succeeded());
                assertThat(bytes(finish(running))).isEqualTo(png);
            }
        } finally {
            logger.removeHandler(capture);
        }

        server.verify(1, getRequestedFor(urlPathEqualTo(ReplicateApiStubs.WEBHOOK_PATH))
                .withHeader("Authorization", equalTo("Bearer " + ReplicateApiStubs.TOKEN)));
        server.verify(0, getRequestedFor(urlPathEqualTo(api.predictionPath())));
        String key = ReplicateApiStubs.WEBHOOK_SECRET.substring("whsec_".length());
        assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(key) || line.contains("\"status\""));
    }

    @Test
    void checksMessagesWithTheTenantsWebhookSecretWithoutAskingTheApi() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext context = TestGenerationContext.create(
                api.tenant(Map.of("webhook_secret", TENANT_SECRET)), Duration.ofMinutes(1));
        TestCallbacks callbacks = context.withCallbacks(HOOK);

        Future<GenerationResult> running = start(model, context);
        awaitCreates(1);
        deliver(callbacks, TENANT_SECRET, succeeded());

        assertThat(bytes(finish(running))).isEqualTo(png);
        server.verify(0, getRequestedFor(urlPathEqualTo(ReplicateApiStubs.WEBHOOK_PATH)));
        server.verify(0, getRequestedFor(urlPathEqualTo(api.predictionPath())));
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 500})
    void pollsWithoutAWebhookWhenTheAccountsSecretCannotBeRead(int status) throws Exception {
        server.stubFor(get(urlPathEqualTo(ReplicateApiStubs.WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Forbidden\",\"detail\":\"You do not have permission\",\"status\":"
                                + status + "}")));
        api.pollsWalkTo(succeeded());

        assertFinishesByPollingWithoutAWebhook(new ReplicateImageModel(WEBHOOKS), api.tenant());
    }

    @Test
    void pollsWithoutAWebhookWhenTheTenantsSecretIsNotOne() throws Exception {
        api.pollsWalkTo(succeeded());

        assertFinishesByPollingWithoutAWebhook(new ReplicateImageModel(WEBHOOKS),
                api.tenant(Map.of("webhook_secret", "whsec_not base64 at all")));
        server.verify(0, getRequestedFor(urlPathEqualTo(ReplicateApiStubs.WEBHOOK_PATH)));
    }

    @Test
    void userCancellingWhileWaitingForWebhooksCancelsThePredictionAtReplicate() throws Exception {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext context = TestGenerationContext.create(api.tenant(), Duration.ofMinutes(1))
                .cancelWhen(report -> report.percent() >= 15);
        TestCallbacks callbacks = context.withCallbacks(HOOK);

        Future<GenerationResult> running = start(model, context);
        awaitCreates(1);
        deliver(callbacks, ReplicateApiStubs.WEBHOOK_SECRET, api.prediction("processing", " 30%|███       | 6/20",
                null, null));

        assertThatThrownBy(() -> finish(running)).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CANCELLED));
        server.verify(1, postRequestedFor(urlPathEqualTo(api.cancelPath()))
                .withHeader("Authorization", equalTo("Bearer " + ReplicateApiStubs.TOKEN)));
        server.verify(0, getRequestedFor(urlPathEqualTo(api.predictionPath())));
    }

    @Test
    void deadlinePassingWhileWaitingForWebhooksCancelsThePredictionAndEndsAsTemporary() {
        GenerationModel model = new ReplicateImageModel(WEBHOOKS);
        TestGenerationContext context = TestGenerationContext.create(
                api.tenant(Map.of("webhook_secret", TENANT_SECRET)), Duration.ofMillis(800));
        context.withCallbacks(HOOK);

        assertThatThrownBy(() -> model.generate(request(), context)).isInstanceOfSatisfying(GenerationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TEMPORARY));
        server.verify(1, postRequestedFor(urlPathEqualTo(api.cancelPath())));
    }

    private void assertFinishesByPollingWithoutAWebhook(GenerationModel model, TenantContext tenant)
            throws Exception {
        TestGenerationContext context = TestGenerationContext.create(tenant, Duration.ofMinutes(1));
        TestCallbacks callbacks = context.withCallbacks(HOOK);

        GenerationResult result = model.generate(request(), context);

        assertThat(bytes(result)).isEqualTo(png);
        server.verify(postRequestedFor(urlPathEqualTo("/v1/predictions")).withRequestBody(notContaining("webhook")));
        server.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(api.predictionPath())));
        assertThat(callbacks.taken()).isZero();
    }

    private String succeeded() {
        return api.prediction("succeeded", "100%|██████████| 20/20", api.outputUrls("out-0.png"), null);
    }

    /** Delivers a message signed with {@code secret} under a fresh {@code webhook-id}, sent now. */
    private void deliver(TestCallbacks callbacks, String secret, String body) {
        String id = "msg_" + messageIds.incrementAndGet() + "aXk2N0";
        assertThat(callbacks.deliver(ReplicateApiStubs.signed(secret, id, Instant.now(), body), body)).isTrue();
    }

    private static GenerationRequest request() {
        return GenerationRequest.of("a lighthouse on a cliff at dusk",
                Map.of("width", 1024L, "height", 1024L, "seed", 0L));
    }

    private Future<GenerationResult> start(GenerationModel model, GenerationContext context) {
        return caller.submit(() -> model.generate(request(), context));
    }

    /** Waits until the replayed API has seen {@code count} creates, so messages go to a prediction that exists. */
    private static void awaitCreates(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.findAll(postRequestedFor(urlPathEqualTo("/v1/predictions"))).size() < count) {
            if (System.nanoTime() - until > 0) {
                fail("the model did not create the prediction");
            }
            Thread.sleep(5);
        }
    }

    private static GenerationResult finish(Future<GenerationResult> running) throws Exception {
        try {
            return running.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenerationException generation) {
                throw generation;
            }
            throw e;
        }
    }

    private static byte[] bytes(GenerationResult result) throws Exception {
        try (InputStream in = result.outputs().get(0).open()) {
            return in.readAllBytes();
        }
    }

    /** The test context, offering callbacks of a host that does not drop repeated messages. */
    private static GenerationContext offering(Callbacks callbacks, TestGenerationContext context) {
        return new GenerationContext() {
            @Override
            public TenantContext tenant() {
                return context.tenant();
            }

            @Override
            public String jobId() {
                return context.jobId();
            }

            @Override
            public Instant deadline() {
                return context.deadline();
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public void progress(int percent, String stage) {
                context.progress(percent, stage);
            }

            @Override
            public Optional<Callbacks> callbacks() {
                return Optional.of(callbacks);
            }
        };
    }

    /** Callbacks that pass every delivery on, repeats included. */
    private static final class RepeatingHostCallbacks implements Callbacks {
        private final BlockingQueue<CallbackMessage> messages = new LinkedBlockingQueue<>();

        @Override
        public URI url() {
            return HOOK;
        }

        @Override
        public Optional<CallbackMessage> next(Duration wait) {
            try {
                return Optional.ofNullable(messages.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        void deliver(Map<String, String> headers, String body) {
            messages.add(new CallbackMessage(headers, body.getBytes(StandardCharsets.UTF_8), Instant.now()));
        }

        int waiting() {
            return messages.size();
        }
    }
}
