package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.tenant.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link GenerationModel} owes the host. A model bundle is done when its test extending this class
 * passes; the host relies on each property checked here.
 *
 * <p>Extend it in your bundle's unit tests and supply the model; every {@code @Test} below runs against it:
 *
 * <pre>{@code
 * class AcmeModelTest extends GenerationModelContract {
 *     @Override
 *     protected GenerationModel createModel() {
 *         return new AcmeModel(...);
 *     }
 *
 *     // add the model's own tests here (determinism, bounds, ...)
 * }
 * }</pre>
 *
 * <p>What is checked:
 *
 * <ul>
 *   <li>the descriptor is valid (id, name, version, output, TEXT among the inputs, parameter defaults within their own
 *       bounds, credit cost at least 0) and the same on every call;
 *   <li>a request carrying the declared defaults, as the host would send it, yields at least one output of the
 *       descriptor's output kind, with a documented media type that its content really has, positive size and
 *       dimensions;
 *   <li>progress stays within 0..100 and never goes back, and at least one report is made;
 *   <li>a context that is cancelled before the call, cancelled at the first progress report, or whose deadline has
 *       passed ends the call with {@link GenerationException.Kind#CANCELLED} within {@link #cancellationTimeLimit()};
 *   <li>{@link #concurrentCalls()} calls at once all succeed.
 * </ul>
 *
 * <p>Models that call a remote API override {@link #tenant()} to hand in the tenant configuration (endpoint of a
 * replayed API, test key) and, if needed, {@link #prompt()} or {@link #request(ModelDescriptor)}. To stop at the first
 * progress report, a model reports progress before its first long step and checks
 * {@link dev.atelier.spi.model.GenerationContext#isCancelled()} after it.
 *
 * <p>A new model instance is created before each test with {@link #createModel()}; it is available as {@link #model}.
 */
public abstract class GenerationModelContract {

    /** The model under test, created before each test. */
    protected GenerationModel model;

    private final List<GeneratedMedia> outputsToClean = new ArrayList<>();

    /** Creates the model under test, as its bundle's component would be created. Called before each test. */
    protected abstract GenerationModel createModel();

    /** The tenant every call is made for; override to hand in plugin configuration. */
    protected TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    /** The prompt of {@link #request(ModelDescriptor)}. */
    protected String prompt() {
        return "a lighthouse on a cliff at dusk, waves below";
    }

    /**
     * The request used by every check: {@link #prompt()} with the declared default of every parameter, which is what
     * the host sends when a user changes nothing.
     */
    protected GenerationRequest request(ModelDescriptor descriptor) {
        return GenerationRequest.of(prompt(), defaultParameters(descriptor));
    }

    /** How long a cancelled call may take to end. */
    protected Duration cancellationTimeLimit() {
        return Duration.ofSeconds(5);
    }

    /** How many calls {@link #servesConcurrentCalls()} makes at once. */
    protected int concurrentCalls() {
        return 4;
    }

    /** A fresh context for {@link #tenant()} with {@link TestGenerationContext#DEFAULT_TIME_LIMIT}. */
    protected TestGenerationContext newContext() {
        return TestGenerationContext.create(tenant(), TestGenerationContext.DEFAULT_TIME_LIMIT);
    }

    /**
     * The parameters the host fills in when a request leaves all of them out: each declared parameter's default
     * (optional text parameters without a default are left out).
     */
    public static Map<String, Object> defaultParameters(ModelDescriptor descriptor) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            if (spec.defaultValue() != null) {
                parameters.put(spec.name(), spec.defaultValue());
            }
        }
        return parameters;
    }

    @BeforeEach
    final void createModelUnderTest() {
        model = createModel();
        assertThat(model).as("createModel()").isNotNull();
    }

    @AfterEach
    final void deleteWrittenFiles() throws IOException {
        for (GeneratedMedia media : outputsToClean) {
            if (media.file().isPresent()) {
                Files.deleteIfExists(media.file().get());
            }
        }
        outputsToClean.clear();
    }

    @Test
    void describesItselfValidly() {
        ModelDescriptor descriptor = model.descriptor();

        assertThat(descriptor).as("descriptor()").isNotNull();
        assertThat(descriptor.id()).matches("[a-z0-9][a-z0-9.-]{0,63}");
        assertThat(descriptor.name()).as("name").isNotBlank();
        // Empty is allowed: the host then lists the model with its bundle's Bundle-Version (SPI 1.2).
        assertThat(descriptor.version()).as("version").isEqualTo(descriptor.version().strip());
        assertThat(descriptor.output()).as("output").isNotNull();
        assertThat(descriptor.inputs()).as("inputs").contains(InputKind.TEXT);
        assertThat(descriptor.defaultCreditCost()).as("default credit cost").isGreaterThanOrEqualTo(0);
        for (ParameterSpec spec : descriptor.parameters()) {
            if (spec.type() != ParameterSpec.Type.STRING) {
                assertThat(spec.defaultValue()).as("default of parameter %s", spec.name()).isNotNull();
            }
            if (spec.defaultValue() != null) {
                assertThat(spec.check(spec.defaultValue()))
                        .as("default %s of parameter %s", spec.defaultValue(), spec.name())
                        .isEmpty();
            }
            if (spec.type() == ParameterSpec.Type.INTEGER || spec.type() == ParameterSpec.Type.NUMBER) {
                assertThat(spec.min()).as("min of parameter %s", spec.name()).isNotNull();
                assertThat(spec.max()).as("max of parameter %s", spec.name()).isNotNull();
            }
            assertThat(spec.label()).as("label of parameter %s", spec.name()).isNotBlank();
        }
    }

    @Test
    void describesItselfTheSameOnEveryCall() {
        String first = fingerprint(model.descriptor());

        assertThat(fingerprint(model.descriptor())).isEqualTo(first);
        assertThat(fingerprint(createModel().descriptor()))
                .as("descriptor of a second instance of the model")
                .isEqualTo(first);
    }

    @Test
    void generatesItsDeclaredOutputFromDefaultParameters() throws Exception {
        ModelDescriptor descriptor = model.descriptor();

        GenerationResult result = model.generate(request(descriptor), newContext());

        assertValidResult(descriptor, result);
    }

    @Test
    void reportsProgressBetweenZeroAndHundredWithoutGoingBack() throws Exception {
        TestGenerationContext context = newContext();

        model.generate(request(model.descriptor()), context);

        List<Integer> percents = context.progressPercents();
        assertThat(percents).as("progress reports").isNotEmpty();
        assertThat(percents).as("progress reports").allSatisfy(p -> assertThat(p).isBetween(0, 100));
        assertThat(percents).as("progress reports").isSorted();
    }

    @Test
    void stopsAsCancelledWhenCalledAlreadyCancelled() {
        TestGenerationContext context = newContext();
        context.cancel();

        assertCancelled(context);
    }

    @Test
    void stopsAsCancelledWhenCancelledDuringWork() {
        TestGenerationContext context = newContext().cancelWhen(report -> report.percent() < 100);

        assertCancelled(context);
    }

    @Test
    void stopsAsCancelledWhenDeadlineHasPassed() {
        TestGenerationContext context = TestGenerationContext.create(tenant(), Duration.ofSeconds(-1));

        assertCancelled(context);
    }

    @Test
    void servesConcurrentCalls() throws Exception {
        ModelDescriptor descriptor = model.descriptor();
        int calls = concurrentCalls();
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<GenerationResult>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<GenerationResult> call = () -> {
                    start.await();
                    return model.generate(request(descriptor), newContext());
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<GenerationResult> result : results) {
                assertValidResult(descriptor, result.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asserts what the host needs of a result: at least one output, each of the descriptor's output kind, with a
     * documented media type that matches its content, positive size and dimensions. Usable from a model's own tests.
     */
    protected final void assertValidResult(ModelDescriptor descriptor, GenerationResult result) throws IOException {
        assertThat(result).as("result").isNotNull();
        assertThat(result.outputs()).as("outputs").isNotEmpty();
        for (GeneratedMedia media : result.outputs()) {
            outputsToClean.add(media);
            assertThat(media.kind()).as("output kind").isEqualTo(descriptor.output());
            assertThat(media.width()).as("width").isPositive();
            assertThat(media.height()).as("height").isPositive();
            assertThat(media.size()).as("size").isPositive();
            if (media.kind() == MediaKind.VIDEO) {
                assertThat(media.durationMillis()).as("video duration").isPresent();
                assertThat(media.durationMillis().getAsLong()).as("video duration").isPositive();
            }
            byte[] head = head(media);
            MediaSignature signature = MediaSignature.of(media.kind(), media.mediaType());
            assertThat(signature.matches(head))
                    .as("content of %s output starts like %s", media.mediaType(), media.mediaType())
                    .isTrue();
        }
    }

    private void assertCancelled(TestGenerationContext context) {
        GenerationRequest request = request(model.descriptor());
        assertTimeoutPreemptively(cancellationTimeLimit(), () -> {
            try {
                GenerationResult result = model.generate(request, context);
                outputsToClean.addAll(result.outputs());
                fail("generate returned a result although the context was cancelled; progress reports were %s",
                        context.progressReports());
            } catch (GenerationException e) {
                assertThat(e.kind()).as("kind of %s", e).isEqualTo(GenerationException.Kind.CANCELLED);
            }
        }, "a cancelled call must end within " + cancellationTimeLimit());
        assertThatThrownBy(context::throwIfCancelled).isInstanceOf(GenerationException.class);
    }

    private static byte[] head(GeneratedMedia media) throws IOException {
        try (InputStream in = media.open()) {
            return in.readNBytes(16);
        }
    }

    private static String fingerprint(ModelDescriptor d) {
        String parameters = d.parameters().stream()
                .map(p -> String.join("|", p.name(), p.label(), p.description(), String.valueOf(p.type()),
                        String.valueOf(p.min()), String.valueOf(p.max()), String.valueOf(p.defaultValue()),
                        String.valueOf(p.choices())))
                .collect(Collectors.joining(";"));
        String inputs = d.inputs().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return String.join("\n", d.id(), d.name(), d.description(), d.version(), String.valueOf(d.output()), inputs,
                parameters, Integer.toString(d.defaultCreditCost()));
    }

    /** The media types {@link MediaKind} documents, each with how its content starts. */
    private enum MediaSignature {
        PNG(MediaKind.IMAGE, "image/png") {
            @Override
            boolean matches(byte[] head) {
                return startsWith(head, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            }
        },
        JPEG(MediaKind.IMAGE, "image/jpeg") {
            @Override
            boolean matches(byte[] head) {
                return startsWith(head, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            }
        },
        WEBP(MediaKind.IMAGE, "image/webp") {
            @Override
            boolean matches(byte[] head) {
                return startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"));
            }
        },
        MP4(MediaKind.VIDEO, "video/mp4") {
            @Override
            boolean matches(byte[] head) {
                return startsWith(head, 4, ascii("ftyp"));
            }
        },
        WEBM(MediaKind.VIDEO, "video/webm") {
            @Override
            boolean matches(byte[] head) {
                return startsWith(head, 0, new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3});
            }
        };

        private final MediaKind kind;
        private final String mediaType;

        MediaSignature(MediaKind kind, String mediaType) {
            this.kind = kind;
            this.mediaType = mediaType;
        }

        abstract boolean matches(byte[] head);

        static MediaSignature of(MediaKind kind, String mediaType) {
            return Arrays.stream(values())
                    .filter(s -> s.kind == kind && s.mediaType.equals(mediaType))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("media type " + mediaType + " is not one the host serves for "
                            + kind + "; use one of " + Arrays.stream(values())
                                    .filter(s -> s.kind == kind)
                                    .map(s -> s.mediaType)
                                    .toList()));
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
            if (head.length < offset + prefix.length) {
                return false;
            }
            return Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
        }
    }
}
