package dev.atelier.media;

import dev.atelier.testkit.Mp4Edits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosterFramesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final DecodeBudget budget = DecodeBudget.defaults();
    private final PosterFrames posters = new PosterFrames(budget, PosterFrames.DEFAULT_MAX_FRAME_PIXELS,
            Duration.ofSeconds(30), 1);

    @AfterEach
    void stop() {
        posters.close();
    }

    /** An H.264 MP4 of {@code frames} frames at 10 a second, in the test's folder. */
    private Path clip(int width, int height, int frames) throws IOException {
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, width, height, frames, 10);
        return mp4;
    }

    @Test
    void posterFrameOfMp4FitsTheLongerSide() throws Exception {
        Path mp4 = clip(128, 96, 5);

        Optional<byte[]> poster = posters.of(mp4, 64, WAIT);

        assertThat(poster).isPresent();
        BufferedImage frame = Fixtures.decode(poster.get());
        assertThat(frame.getWidth()).isEqualTo(64);
        assertThat(frame.getHeight()).isEqualTo(48);
        // The fixture's frames are mostly blue; a decoded frame is not blank.
        int rgb = frame.getRGB(2, 2);
        assertThat(rgb & 0xFF).isGreaterThan((rgb >> 16) & 0xFF);
        assertThat(budget.available()).as("the decode's memory is given back").isEqualTo(budget.bytes());
    }

    @Test
    void noPosterFrameForWebm() throws Exception {
        Path webm = Fixtures.write(dir, "clip.webm", Fixtures.webm("webm", 32, 32, 100));

        assertThat(posters.of(webm, 64, WAIT)).isEmpty();
    }

    @Test
    void aDamagedMp4IsAFailureNotAMissingPoster() throws Exception {
        Path mp4 = clip(32, 32, 3);
        Path damaged = Fixtures.write(dir, "damaged.mp4", Fixtures.slice(Files.readAllBytes(mp4), 0, 64));

        assertThatThrownBy(() -> posters.of(damaged, 64, WAIT)).isInstanceOf(IOException.class);
    }

    @Test
    void mp4WhoseFramesAreGarbageFails() throws Exception {
        Path mp4 = clip(64, 64, 3);
        Path garbage = Fixtures.write(dir, "garbage.mp4", Mp4Edits.withMediaDataFilled(Files.readAllBytes(mp4), (byte) 0xFF));

        assertThatThrownBy(() -> posters.of(garbage, 64, WAIT)).isInstanceOf(IOException.class);
    }

    @Test
    void frameLargerThanTheLimitIsRefusedBeforeDecoding() throws Exception {
        Path mp4 = clip(128, 96, 3);
        try (PosterFrames strict = new PosterFrames(budget, 64 * 64, Duration.ofSeconds(30), 1)) {
            assertThatThrownBy(() -> strict.of(mp4, 64, WAIT)).isInstanceOf(IOException.class)
                    .hasMessageContaining("128 × 96");
        }
    }

    @Test
    void mp4DeclaringHugeFramesInItsSampleDescriptionIsRefused() throws Exception {
        Path mp4 = clip(64, 64, 3);
        Path huge = Fixtures.write(dir, "huge.mp4", Mp4Edits.declaringFrameSize(Files.readAllBytes(mp4), 8000, 8000));

        assertThatThrownBy(() -> posters.of(huge, 64, WAIT)).isInstanceOf(IOException.class)
                .hasMessageContaining("8000 × 8000");
    }

    @Test
    void postersPastTheirDeadlineGiveTheirMemoryBackWhetherTheyRanOrWaited() throws Exception {
        Path mp4 = clip(128, 96, 3);
        try (PosterFrames impatient = new PosterFrames(budget, PosterFrames.DEFAULT_MAX_FRAME_PIXELS, Duration.ZERO,
                1)) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> impatient.of(mp4, 64, WAIT)).isInstanceOf(IOException.class);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (budget.available() < budget.bytes() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(budget.available()).isEqualTo(budget.bytes());
    }

    @Test
    void posterThatIsNotDecodedBeforeTheDeadlineFails() throws Exception {
        Path mp4 = clip(128, 96, 3);
        try (PosterFrames impatient = new PosterFrames(budget, PosterFrames.DEFAULT_MAX_FRAME_PIXELS, Duration.ZERO,
                1)) {
            assertThatThrownBy(() -> impatient.of(mp4, 64, WAIT)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not decoded within");
        }
    }
}
