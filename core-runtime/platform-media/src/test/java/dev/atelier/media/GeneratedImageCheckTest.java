package dev.atelier.media;

import static dev.atelier.media.Fixtures.concat;
import static dev.atelier.media.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** Generated images: metadata chunks dropped without touching the pixels, one decode for check and thumbnail. */
class GeneratedImageCheckTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int SIDE = 384;
    private static final byte[] TEXT = ("Comment\0" + Fixtures.CAMERA).getBytes(StandardCharsets.ISO_8859_1);

    private final MediaInspector inspector = new MediaInspector(MediaLimits.defaults());

    @Test
    void dropsTextExifAndTimeChunksAndCopiesThePixelDataByteForByte() throws Exception {
        BufferedImage picture = Fixtures.picture(300, 200, true);
        byte[] clean = Fixtures.encode(picture, "png");
        byte[] tagged = withChunksAfterHeader(clean,
                Fixtures.chunk("tEXt", TEXT),
                Fixtures.chunk("iTXt", ("Author\0\0\0en\0\0" + Fixtures.CAMERA).getBytes(StandardCharsets.UTF_8)),
                Fixtures.chunk("zTXt", concat("Software\0\0".getBytes(StandardCharsets.ISO_8859_1), zlib(TEXT))),
                Fixtures.chunk("eXIf", ("MM\0*" + Fixtures.CAMERA).getBytes(StandardCharsets.ISO_8859_1)),
                Fixtures.chunk("tIME", new byte[] {0x07, (byte) 0xEA, 12, 7, 5, 0, 0}));

        CheckedImage checked = inspector.inspectGeneratedImage(tagged, WAIT, SIDE);

        assertThat(checked.mediaType()).isEqualTo("image/png");
        assertThat(chunkTypes(checked.bytes())).doesNotContain("tEXt", "iTXt", "zTXt", "eXIf", "tIME");
        assertThat(Fixtures.contains(checked.bytes(), Fixtures.CAMERA)).isFalse();
        assertThat(checked.bytes()).as("the encoder's own file, chunk for chunk").isEqualTo(clean);
        assertSamePixels(Fixtures.decode(checked.bytes()), picture);
        assertThat(checked.width()).isEqualTo(300);
        assertThat(checked.height()).isEqualTo(200);
    }

    @Test
    void keepsTransparencyAndTheChunksThatSayHowToShowColours() throws Exception {
        byte[] clean = Fixtures.png(40, 30);
        byte[] withColour = withChunksAfterHeader(clean, Fixtures.chunk("sRGB", new byte[] {0}),
                Fixtures.chunk("gAMA", ByteBuffer.allocate(4).putInt(45455).array()),
                Fixtures.chunk("pHYs", new byte[9]));

        CheckedImage checked = inspector.inspectGeneratedImage(withColour, WAIT, SIDE);

        assertThat(chunkTypes(checked.bytes())).containsExactly("IHDR", "sRGB", "gAMA", "IDAT", "IEND");
        assertThat(Fixtures.decode(checked.bytes()).getRGB(0, 0) >>> 24).isEqualTo(128);
    }

    @Test
    void makesTheThumbnailFromTheDecodeThatCheckedThePixels() throws Exception {
        BufferedImage picture = Fixtures.picture(1024, 512, false);

        CheckedImage checked = inspector.inspectGeneratedImage(Fixtures.encode(picture, "png"), WAIT, SIDE);

        BufferedImage thumbnail = Fixtures.decode(checked.thumbnail());
        assertThat(thumbnail.getWidth()).isEqualTo(384);
        assertThat(thumbnail.getHeight()).isEqualTo(192);
        assertClose(new Color(thumbnail.getRGB(192, 96)), Color.ORANGE);
        assertClose(new Color(thumbnail.getRGB(5, 5)), new Color(30, 90, 200));
    }

    @Test
    void showsTransparencyOnWhiteInTheThumbnailAndKeepsASmallPictureItsSize() throws Exception {
        BufferedImage clear = new BufferedImage(50, 40, BufferedImage.TYPE_INT_ARGB);

        CheckedImage checked = inspector.inspectGeneratedImage(Fixtures.encode(clear, "png"), WAIT, SIDE);

        BufferedImage thumbnail = Fixtures.decode(checked.thumbnail());
        assertThat(thumbnail.getWidth()).isEqualTo(50);
        assertThat(thumbnail.getHeight()).isEqualTo(40);
        assertClose(new Color(thumbnail.getRGB(25, 20)), Color.WHITE);
    }

    @Test
    void letsASmallOpaquePngBeItsOwnThumbnail() throws Exception {
        byte[] small = Fixtures.encode(Fixtures.picture(256, 200, false), "png");

        CheckedImage checked = inspector.inspectGeneratedImage(small, WAIT, SIDE);

        assertThat(checked.thumbnail()).isNull();
        assertThat(checked.width()).isEqualTo(256);
    }

    @Test
    void makesAJpegThumbnailForASmallPngThatIsHeavyOrLargerThanTheThumbnail() throws Exception {
        BufferedImage noise = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] heavy = Fixtures.encode(noise, "png");
        assertThat(heavy.length).isGreaterThan(MediaInspector.SELF_THUMBNAIL_MAX_BYTES);
        byte[] wide = Fixtures.encode(Fixtures.picture(SIDE + 1, 10, false), "png");

        assertThat(inspector.inspectGeneratedImage(heavy, WAIT, SIDE).thumbnail()).isNotNull();
        assertThat(Fixtures.decode(inspector.inspectGeneratedImage(wide, WAIT, SIDE).thumbnail()).getWidth())
                .isEqualTo(SIDE);
    }

    @Test
    void makesThumbnailsOfGreyAndPalettePngsToo() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_INDEXED,
                BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage picture = new BufferedImage(800, 400, type);
            java.awt.Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 800, 400);
            g.dispose();

            CheckedImage checked = inspector.inspectGeneratedImage(Fixtures.encode(picture, "png"), WAIT, SIDE);

            BufferedImage thumbnail = Fixtures.decode(checked.thumbnail());
            assertThat(thumbnail.getWidth()).as("type %d", type).isEqualTo(384);
            assertThat(thumbnail.getHeight()).as("type %d", type).isEqualTo(192);
            assertClose(new Color(thumbnail.getRGB(100, 100)), Color.WHITE);
        }
    }

    @Test
    void convertsAnImageWithAnIccProfileToSrgbAndDropsTheProfile() throws Exception {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] withProfile = withChunksAfterHeader(Fixtures.png(60, 40),
                Fixtures.chunk("iCCP", concat("Camera profile\0\0".getBytes(StandardCharsets.ISO_8859_1),
                        zlib(profile))));

        CheckedImage checked = inspector.inspectGeneratedImage(withProfile, WAIT, SIDE);

        assertThat(chunkTypes(checked.bytes())).doesNotContain("iCCP");
        assertThat(Fixtures.decode(checked.bytes()).getWidth()).isEqualTo(60);
    }

    @Test
    void refusesTruncatedPngs() {
        byte[] png = Fixtures.png(120, 80);
        for (int cut : new int[] {png.length - 1, png.length - 12, png.length / 2, 40}) {
            assertRefused(slice(png, 0, cut), 415);
        }
    }

    @Test
    void refusesPngWithABadChecksum() {
        byte[] png = Fixtures.png(120, 80);
        int idat = chunkStart(png, "IDAT");
        png[idat + 8 + 5] ^= 0x5A;
        assertRefused(png, 415);
    }

    @Test
    void refusesPngWhoseImageDataIsNotWhatItsHeaderDeclares() {
        int rowBytes = 1 + 60 * 3;
        assertRefused(ofIdat(Fixtures.deflatedZeros(40 * rowBytes - 1)), 415); // one byte short
        assertRefused(ofIdat(Fixtures.deflatedZeros(41 * rowBytes)), 415); // a row too many
        assertRefused(ofIdat("not zlib at all".getBytes(StandardCharsets.US_ASCII)), 415);
        byte[] badFilter = new byte[40 * rowBytes];
        badFilter[rowBytes] = 9; // the second row's filter type
        assertRefused(ofIdat(zlib(badFilter)), 415);
        byte[] cut = Fixtures.deflatedZeros(40 * rowBytes);
        assertRefused(ofIdat(slice(cut, 0, cut.length - 4)), 415); // no checksum at the end of the stream
    }

    @Test
    void refusesMalformedChunkLayouts() {
        byte[] idat = Fixtures.deflatedZeros(40 * (1 + 60 * 3));
        assertRefused(Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(60, 40), "IDAT", slice(idat, 0, 4), "tEXt", TEXT,
                "IDAT", slice(idat, 4, idat.length), "IEND", new byte[0]), 415);
        assertRefused(Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(60, 40), "QQQQ", new byte[3], "IDAT", idat,
                "IEND", new byte[0]), 415);
        assertRefused(Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(60, 40), "IEND", new byte[0]), 415);
        assertRefused(concat(ofIdat(idat), new byte[] {1, 2, 3}), 415);
    }

    @Test
    void refusesOversizedDimensionsBeforeDecoding() {
        MediaRejectedException e = assertRefused(Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(100_000, 100_000),
                "IDAT", Fixtures.deflatedZeros(1000), "IEND", new byte[0]), 413);
        assertThat(e.getMessage()).contains("megapixels");
    }

    @Test
    void refusesAVideoDeclaredAsAnImage() {
        assertRefused(Fixtures.webm("webm", 320, 240, 2500.0), 415);
    }

    private MediaRejectedException assertRefused(byte[] image, int status) {
        MediaRejectedException e = catchThrowableOfType(MediaRejectedException.class,
                () -> inspector.inspectGeneratedImage(image, WAIT, SIDE));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(status);
        return e;
    }

    private static byte[] ofIdat(byte[] idat) {
        return Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(60, 40), "IDAT", idat, "IEND", new byte[0]);
    }

    /** {@code png} with {@code chunks} inserted right after its IHDR. */
    private static byte[] withChunksAfterHeader(byte[] png, byte[]... chunks) {
        int afterHeader = 8 + 12 + 13;
        return concat(slice(png, 0, afterHeader), concat(chunks), slice(png, afterHeader, png.length));
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int pos = 8; pos < png.length; ) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            types.add(new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1));
            pos += 12 + length;
        }
        return types;
    }

    private static int chunkStart(byte[] png, String type) {
        for (int pos = 8; pos < png.length; ) {
            if (new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
                return pos;
            }
            pos += 12 + ByteBuffer.wrap(png, pos, 4).getInt();
        }
        throw new IllegalArgumentException("no " + type);
    }

    private static byte[] zlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(Math.abs(actual.getRed() - expected.getRed())).as("red of %s", actual).isLessThan(12);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen())).as("green of %s", actual).isLessThan(12);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue())).as("blue of %s", actual).isLessThan(12);
    }
}
