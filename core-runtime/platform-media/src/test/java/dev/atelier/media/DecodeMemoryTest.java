package dev.atelier.media;

import dev.atelier.testkit.Pngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageTypeSpecifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files that are small on disk but large once decoded: the memory a decode needs is estimated from the header and
 * taken from a shared budget before anything is decoded.
 */
class DecodeMemoryTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void deepPngIsKeptAsAnEightBitImageOfTheSameColours() throws Exception {
        MediaInspector inspector = inspectorWithBudget(64 * MB);
        Path upload = Fixtures.write(dir, "deep.png", Pngs.deepFlatRgba(64, 48, 0xFFFF, 0x8080, 0x0000, 0xFFFF));

        InspectedMedia media = inspector.inspect(upload);

        try {
            BufferedImage kept = Fixtures.decode(Files.readAllBytes(media.sanitizedFile()));
            assertThat(kept.getWidth()).isEqualTo(64);
            assertThat(kept.getHeight()).isEqualTo(48);
            assertThat(kept.getColorModel().getComponentSize()).containsOnly(8);
            assertThat(kept.getRGB(10, 10)).isEqualTo(0xFFFF8000);
        } finally {
            Files.deleteIfExists(media.sanitizedFile());
        }
    }

    @Test
    void deepPngsOfEveryColourTypeAreKeptAtEightBits() throws Exception {
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        List<ImageTypeSpecifier> deep = List.of(
                ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_USHORT_GRAY),
                ImageTypeSpecifier.createGrayscale(16, DataBuffer.TYPE_USHORT, false, false),
                ImageTypeSpecifier.createInterleaved(srgb, new int[] {0, 1, 2}, DataBuffer.TYPE_USHORT, false, false),
                ImageTypeSpecifier.createInterleaved(srgb, new int[] {0, 1, 2, 3}, DataBuffer.TYPE_USHORT, true,
                        false));
        MediaInspector inspector = new MediaInspector(MediaLimits.defaults());
        for (ImageTypeSpecifier type : deep) {
            BufferedImage image = type.createBufferedImage(40, 30);
            int bands = image.getRaster().getNumBands();
            for (int band = 0; band < bands; band++) {
                boolean alpha = band == bands - 1 && image.getColorModel().hasAlpha();
                image.getRaster().setSamples(0, 0, 40, 30, band, filled(40 * 30, alpha ? 0xFFFF : 40_000));
            }

            InspectedMedia media = inspector.inspect(Fixtures.write(dir, "deep.png", Fixtures.encode(image, "png")));

            try {
                BufferedImage kept = Fixtures.decode(Files.readAllBytes(media.sanitizedFile()));
                assertThat(kept.getColorModel().getComponentSize()).as(bands + " bands").containsOnly(8);
                if (bands != 2) { // grey with alpha is widened to sRGB colour, as an 8-bit one is
                    assertThat(kept.getRaster().getSample(5, 5, 0)).as(bands + " bands")
                            .isEqualTo((int) Math.round(40_000 * 255 / 65_535.0));
                }
            } finally {
                Files.deleteIfExists(media.sanitizedFile());
            }
        }
    }

    /** An inspector whose decodes may hold {@code bytes} at once, waiting at most a second for their share. */
    private static MediaInspector inspectorWithBudget(long bytes) {
        return new MediaInspector(MediaLimits.defaults(), new DecodeBudget(bytes, Duration.ofSeconds(1)));
    }

    private static int[] filled(int length, int value) {
        int[] samples = new int[length];
        java.util.Arrays.fill(samples, value);
        return samples;
    }

    @Test
    void imageNeedingMoreMemoryThanTheWholeBudgetIsRefusedBeforeDecoding() throws Exception {
        MediaInspector inspector = inspectorWithBudget(16 * MB);
        Path upload = Fixtures.write(dir, "deep.png", Pngs.deepFlatRgba(2000, 2000, 0, 0, 0, 0xFFFF));

        MediaRejectedException e = catchThrowableOfType(() -> inspector.inspect(upload),
                MediaRejectedException.class);

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("of memory to process").contains("16 MB");
    }

    @Test
    void progressiveJpegOfHugeDimensionsIsRefusedFromItsHeader() throws Exception {
        MediaInspector inspector = new MediaInspector(MediaLimits.defaults(), DecodeBudget.defaults());
        Path upload = Fixtures.write(dir, "huge.jpg", headerOnlyJpeg(0xC2, 6000, 6600, 4));

        MediaRejectedException e = catchThrowableOfType(() -> inspector.inspect(upload),
                MediaRejectedException.class);

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("of memory to process");
    }

    @Test
    void decodeWaitsForItsShareOfTheBudgetAndIsRefusedAsBusyWhenItDoesNotComeFree() throws Exception {
        DecodeBudget budget = new DecodeBudget(16 * MB, Duration.ofMillis(200));
        MediaInspector inspector = new MediaInspector(MediaLimits.defaults(), budget);
        Path upload = Fixtures.write(dir, "deep.png", Pngs.deepFlatRgba(600, 600, 0, 0, 0xFFFF, 0xFFFF));

        try (DecodeBudget.Reservation others = budget.reserve(15 * MB, "image", Duration.ZERO)) {
            MediaBusyException e = catchThrowableOfType(() -> inspector.inspect(upload), MediaBusyException.class);
            assertThat(e.retryAfterSeconds()).isPositive();
        }
        InspectedMedia media = inspector.inspect(upload);
        Files.deleteIfExists(media.sanitizedFile());
        assertThat(budget.available()).as("every reservation given back").isEqualTo(16 * MB);
    }

    @Test
    void aVideosContainerHeaderIsReadWithinTheBudgetToo() throws Exception {
        DecodeBudget budget = new DecodeBudget(16 * MB, Duration.ofMillis(200));
        MediaInspector inspector = new MediaInspector(MediaLimits.defaults(), budget);
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 32, 32, 3, 10);

        try (DecodeBudget.Reservation others = budget.reserve(16 * MB, "image", Duration.ZERO)) {
            assertThat(catchThrowableOfType(() -> inspector.inspect(mp4), MediaBusyException.class)).isNotNull();
        }
        InspectedMedia media = inspector.inspect(mp4);
        Files.deleteIfExists(media.sanitizedFile());
        assertThat(budget.available()).isEqualTo(16 * MB);
    }

    /** SOI, a start-of-frame segment (marker {@code sof}) and a scan of a few bytes: a header with no real image. */
    private static byte[] headerOnlyJpeg(int sof, int width, int height, int components) {
        ByteBuffer frame = ByteBuffer.allocate(2 + 8 + 3 * components);
        frame.put((byte) 0xFF).put((byte) sof).putShort((short) (8 + 3 * components)).put((byte) 8)
                .putShort((short) height).putShort((short) width).put((byte) components);
        for (int c = 1; c <= components; c++) {
            frame.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        byte[] scan = {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34};
        return Fixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, frame.array(), scan,
                new byte[] {(byte) 0xFF, (byte) 0xD9});
    }
}
