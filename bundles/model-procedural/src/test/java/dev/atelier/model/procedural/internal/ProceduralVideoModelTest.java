package dev.atelier.model.procedural.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestGenerationContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProceduralVideoModelTest extends GenerationModelContract {

    private final List<Path> written = new ArrayList<>();

    @Override
    protected GenerationModel createModel() {
        return new ProceduralVideoModel();
    }

    /**
     * The contract's checks at the defaults, but shorter and smaller: it makes several videos, four of them at once,
     * and the defaults themselves are covered by {@link #drawsTheDefaultVideo()}.
     */
    @Override
    protected GenerationRequest request(dev.atelier.spi.model.ModelDescriptor descriptor) {
        Map<String, Object> parameters = new HashMap<>(defaultParameters(descriptor));
        parameters.put("duration_seconds", 1L);
        parameters.put("width", 192L);
        parameters.put("height", 192L);
        return GenerationRequest.of(prompt(), parameters);
    }

    @AfterEach
    void deleteVideos() throws IOException {
        for (Path file : written) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void declaresSizeLengthStyleSeedAndImageInput() {
        var descriptor = model.descriptor();

        assertThat(descriptor.id()).isEqualTo("procedural-video");
        assertThat(descriptor.output()).isEqualTo(MediaKind.VIDEO);
        assertThat(descriptor.inputs()).containsExactlyInAnyOrder(InputKind.TEXT, InputKind.IMAGE);
        Map<String, ParameterSpec> parameters = descriptor.parameters().stream()
                .collect(Collectors.toMap(ParameterSpec::name, p -> p));
        assertThat(parameters).containsOnlyKeys("width", "height", "duration_seconds", "style", "seed", "image_weight");
        for (String side : new String[] {"width", "height"}) {
            assertThat(parameters.get(side).min()).isEqualTo(64.0);
            assertThat(parameters.get(side).max()).isEqualTo(512.0);
            assertThat(parameters.get(side).defaultValue()).isEqualTo(384L);
        }
        assertThat(parameters.get("duration_seconds").min()).isEqualTo(1.0);
        assertThat(parameters.get("duration_seconds").max()).isEqualTo(6.0);
        assertThat(parameters.get("duration_seconds").defaultValue()).isEqualTo(3L);
        assertThat(parameters.get("style").choices()).containsExactly("dunes", "aurora", "nebula", "bauhaus");
        assertThat(parameters.get("image_weight").type()).isEqualTo(ParameterSpec.Type.NUMBER);
        assertThat(descriptor.version()).isEqualTo(new ProceduralModel().descriptor().version());
    }

    @Test
    void drawsTheDefaultVideo() throws Exception {
        var descriptor = model.descriptor();
        GenerationResult result = model.generate(
                GenerationRequest.of(prompt(), defaultParameters(descriptor)), TestGenerationContext.create());
        result.outputs().forEach(this::written);

        assertValidResult(descriptor, result);
        GeneratedMedia video = result.outputs().get(0);
        assertThat(video.width()).isEqualTo(384);
        assertThat(video.height()).isEqualTo(384);
        assertThat(video.durationMillis()).hasValue(3000);
    }

    @Test
    void writesAnMp4OfTheRequestedLengthAndSizeThatDecodesBack() throws Exception {
        GeneratedMedia video = generate(request("northern lights over a fjord",
                Map.of("width", 160L, "height", 96L, "duration_seconds", 2L, "style", "aurora")), List.of());

        assertThat(video.mediaType()).isEqualTo("video/mp4");
        assertThat(video.width()).isEqualTo(160);
        assertThat(video.height()).isEqualTo(96);
        assertThat(video.durationMillis()).hasValue(2000);
        byte[] content = Files.readAllBytes(video.file().orElseThrow());
        assertThat(new String(content, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertThat(indexOf(content, "moov")).isPositive();
        assertThat(indexOf(content, "avc1")).isPositive();
        List<BufferedImage> frames = decode(video.file().orElseThrow());
        assertThat(frames).hasSize(2 * ProceduralVideoModel.FPS);
        assertThat(frames).allSatisfy(frame -> {
            assertThat(frame.getWidth()).isEqualTo(160);
            assertThat(frame.getHeight()).isEqualTo(96);
        });
        assertThat(difference(frames.get(0), frames.get(frames.size() - 1)))
                .as("the last frame differs from the first: the art moves")
                .isGreaterThan(1.0);
    }

    @Test
    void writesTheSameBytesForTheSameSeedAndOthersForAnotherSeed() throws Exception {
        Map<String, Object> small = Map.of("width", 96L, "height", 64L, "duration_seconds", 1L, "style", "nebula");
        Map<String, Object> otherSeed = new HashMap<>(small);
        otherSeed.put("seed", 5L);

        byte[] first = bytes(generate(request("a nebula", small), List.of()));
        byte[] again = bytes(generate(request("a nebula", small), List.of()));
        byte[] other = bytes(generate(request("a nebula", otherSeed), List.of()));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void roundsOddSidesDownToEven() throws Exception {
        GeneratedMedia video =
                generate(request("odd", Map.of("width", 101L, "height", 75L, "duration_seconds", 1L)), List.of());

        assertThat(video.width()).isEqualTo(100);
        assertThat(video.height()).isEqualTo(74);
        assertThat(decode(video.file().orElseThrow()).get(0).getWidth()).isEqualTo(100);
    }

    @Test
    void reportsProgressForEveryFrame() throws Exception {
        TestGenerationContext context = TestGenerationContext.create();

        written(model.generate(request("dunes", Map.of("width", 64L, "height", 64L, "duration_seconds", 2L)), context)
                .outputs().get(0));

        List<TestGenerationContext.ProgressReport> frames = context.progressReports().stream()
                .filter(r -> r.stage().startsWith("Drawing frame"))
                .toList();
        int count = 2 * ProceduralVideoModel.FPS;
        assertThat(frames).hasSize(count);
        assertThat(frames.get(0).stage()).isEqualTo("Drawing frame 1 of " + count);
        assertThat(frames).extracting(TestGenerationContext.ProgressReport::percent).isSorted();
        assertThat(frames.get(frames.size() - 1).percent()).isGreaterThan(frames.get(0).percent());
        assertThat(context.progressPercents()).last().isEqualTo(100);
    }

    @Test
    void stopsBetweenFramesWhenCancelledMidVideo() {
        TestGenerationContext context = TestGenerationContext.create().cancelWhen(r -> r.percent() >= 40);
        long start = System.nanoTime();

        assertThatThrownBy(() -> model.generate(
                request("dunes", Map.of("width", 192L, "height", 192L, "duration_seconds", 6L)), context))
                .isInstanceOfSatisfying(GenerationException.class,
                        e -> assertThat(e.kind()).isEqualTo(GenerationException.Kind.CANCELLED));

        assertThat(context.progressPercents()).last().satisfies(p -> assertThat(p).isBetween(40, 96));
        // Stopping at 40 % leaves more than half of the frames undrawn.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(context.progressReports().stream().filter(r -> r.stage().startsWith("Drawing frame")).count())
                .isLessThan(6 * ProceduralVideoModel.FPS / 2);
    }

    @Test
    void startsFromAnInputPictureAndDissolvesIntoTheArt() throws Exception {
        Map<String, Object> parameters =
                Map.of("width", 128L, "height", 128L, "duration_seconds", 1L, "image_weight", 1.0);
        InputMedia picture = TestImages.png(TestImages.picture(300, 200));

        GeneratedMedia plain = generate(request("a harbour", parameters), List.of());
        GeneratedMedia over = generate(request("a harbour", parameters), List.of(picture));
        GeneratedMedia again = generate(request("a harbour", parameters), List.of(picture));

        List<BufferedImage> plainFrames = decode(plain.file().orElseThrow());
        List<BufferedImage> overFrames = decode(over.file().orElseThrow());
        assertThat(bytes(again)).isEqualTo(bytes(over));
        double first = difference(plainFrames.get(0), overFrames.get(0));
        assertThat(first).as("first frame").isGreaterThan(5.0);
        int last = overFrames.size() - 1;
        // The last frames are drawn alike; only the encoder's losses, which depend on the frames before, differ.
        assertThat(difference(plainFrames.get(last), overFrames.get(last)))
                .as("last frame, where the picture has dissolved")
                .isLessThan(first / 3);
    }

    private GenerationRequest request(String prompt, Map<String, Object> overrides) {
        Map<String, Object> parameters = new HashMap<>(defaultParameters(model.descriptor()));
        parameters.putAll(overrides);
        return GenerationRequest.of(prompt, parameters);
    }

    private GeneratedMedia generate(GenerationRequest request, List<InputMedia> inputs) throws Exception {
        GenerationRequest withInputs = new GenerationRequest(request.prompt(), null, request.parameters(), inputs);
        return written(model.generate(withInputs, TestGenerationContext.create()).outputs().get(0));
    }

    private GeneratedMedia written(GeneratedMedia media) {
        media.file().ifPresent(written::add);
        return media;
    }

    private static byte[] bytes(GeneratedMedia media) throws IOException {
        return Files.readAllBytes(media.file().orElseThrow());
    }

    static List<BufferedImage> decode(Path file) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (FileChannelWrapper in = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            Picture picture;
            while ((picture = grab.getNativeFrame()) != null) {
                frames.add(AWTUtil.toBufferedImage(picture));
            }
        }
        return frames;
    }

    /** Mean absolute difference of the colour channels, 0 to 255. */
    static double difference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static int indexOf(byte[] content, String fourcc) {
        byte[] needle = fourcc.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
