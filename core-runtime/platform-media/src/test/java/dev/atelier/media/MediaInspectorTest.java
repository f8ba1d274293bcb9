package dev.atelier.media;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.atelier.media.Fixtures.concat;
import static dev.atelier.media.Fixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MediaInspectorTest {

    @TempDir
    Path dir;

    private final MediaInspector inspector = new MediaInspector(MediaLimits.defaults());
    private final List<Path> produced = new ArrayList<>();

    @AfterEach
    void deleteProducedFiles() throws IOException {
        for (Path file : produced) {
            Files.deleteIfExists(file);
        }
    }

    private InspectedMedia accept(MediaInspector inspector, String name, byte[] bytes) throws Exception {
        InspectedMedia media = inspector.inspect(Fixtures.write(dir, name, bytes));
        produced.add(media.sanitizedFile());
        assertThat(media.sanitizedFile()).exists().isNotEqualTo(dir.resolve(name));
        assertThat(media.size()).isEqualTo(Files.size(media.sanitizedFile()));
        return media;
    }

    private InspectedMedia accept(String name, byte[] bytes) throws Exception {
        return accept(inspector, name, bytes);
    }

    private MediaRejectedException refuse(MediaInspector inspector, String name, byte[] bytes) throws IOException {
        Path upload = Fixtures.write(dir, name, bytes);
        MediaRejectedException e = catchThrowableOfType(MediaRejectedException.class,
                () -> produced.add(inspector.inspect(upload).sanitizedFile()));
        assertThat(e).as("refusal of " + name).isNotNull();
        assertThat(e.getMessage()).doesNotContain(dir.toString());
        return e;
    }

    private MediaRejectedException refuse(String name, byte[] bytes) throws IOException {
        return refuse(inspector, name, bytes);
    }

    // Accepted uploads

    @Test
    void acceptsPngAndWritesItAgainAsPng() throws Exception {
        byte[] png = Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(60, 40),
                "tEXt", ("Comment\0" + Fixtures.CAMERA).getBytes(StandardCharsets.ISO_8859_1),
                "IDAT", Fixtures.deflatedZeros(40 * (1 + 60 * 3)),
                "IEND", new byte[0]);

        InspectedMedia media = accept("picture.png", png);

        assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(media.mediaType()).isEqualTo("image/png");
        assertThat(media.width()).isEqualTo(60);
        assertThat(media.height()).isEqualTo(40);
        assertThat(media.durationMillis()).isNull();
        byte[] out = Files.readAllBytes(media.sanitizedFile());
        assertThat(Fixtures.contains(out, Fixtures.CAMERA)).as("text chunk dropped").isFalse();
        assertThat(Fixtures.decode(out).getWidth()).isEqualTo(60);
    }

    @Test
    void writesPngAgainWithEveryPixelKeptAndStillCompressed() throws Exception {
        BufferedImage picture = Fixtures.picture(300, 200, true);

        InspectedMedia media = accept("picture.png", Fixtures.encode(picture, "png"));

        BufferedImage out = Fixtures.decode(Files.readAllBytes(media.sanitizedFile()));
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                assertThat(out.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(picture.getRGB(x, y));
            }
        }
        // A faster deflate level, not none: flat colour still packs far below its 240 000 raw bytes.
        assertThat(media.size()).isLessThan(300 * 200 * 4 / 20);
    }

    @Test
    void keepsTransparencyOfPng() throws Exception {
        InspectedMedia media = accept("alpha.png", Fixtures.png(30, 20));

        BufferedImage out = Fixtures.decode(Files.readAllBytes(media.sanitizedFile()));
        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(out.getRGB(0, 0) >>> 24).isEqualTo(128);
    }

    @Test
    void acceptsJpegAndDropsItsExif() throws Exception {
        byte[] jpeg = Fixtures.jpegWithExif(64, 48, 1);
        assertThat(Fixtures.contains(jpeg, "Exif")).isTrue();

        InspectedMedia media = accept("photo.jpg", jpeg);

        assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(media.mediaType()).isEqualTo("image/jpeg");
        assertThat(media.width()).isEqualTo(64);
        assertThat(media.height()).isEqualTo(48);
        byte[] out = Files.readAllBytes(media.sanitizedFile());
        assertThat(Fixtures.contains(out, "Exif")).isFalse();
        assertThat(Fixtures.contains(out, Fixtures.CAMERA)).isFalse();
        assertThat(Fixtures.decode(out).getHeight()).isEqualTo(48);
    }

    @Test
    void turnsASidewaysPhotoUprightBeforeDroppingItsOrientation() throws Exception {
        InspectedMedia media = accept("sideways.jpg", Fixtures.jpegWithExif(80, 40, 6));

        assertThat(media.width()).isEqualTo(40);
        assertThat(media.height()).isEqualTo(80);
        BufferedImage out = Fixtures.decode(Files.readAllBytes(media.sanitizedFile()));
        assertThat(out.getWidth()).isEqualTo(40);
        assertThat(out.getHeight()).isEqualTo(80);
    }

    @Test
    void acceptsLossyWebpWithExifAndWritesItAgainWithoutMetadata() throws Exception {
        byte[] webp = Fixtures.resource("photo-with-exif.webp");
        assertThat(Fixtures.contains(webp, "SecretCam")).isTrue();

        InspectedMedia media = accept("photo.webp", webp);

        assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(media.mediaType()).isIn("image/png", "image/webp");
        assertThat(media.width()).isEqualTo(40);
        assertThat(media.height()).isEqualTo(30);
        byte[] out = Files.readAllBytes(media.sanitizedFile());
        assertThat(Fixtures.contains(out, "SecretCam")).isFalse();
        if (media.mediaType().equals("image/png")) {
            assertThat(Fixtures.decode(out).getWidth()).isEqualTo(40);
        }
    }

    @Test
    void acceptsLosslessWebp() throws Exception {
        InspectedMedia media = accept("lossless.webp", Fixtures.resource("lossless.webp"));

        assertThat(media.width()).isEqualTo(40);
        assertThat(media.height()).isEqualTo(30);
    }

    @Test
    void recognisesTheTypeByItsBytesNotItsName() throws Exception {
        InspectedMedia media = accept("looks-like-a.jpg", Fixtures.png(20, 10));

        assertThat(media.mediaType()).isEqualTo("image/png");
    }

    @Test
    void acceptsMp4WithItsDurationAndPictureSize() throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 64, 48, 10, 10);

        InspectedMedia media = accept("clip.mp4", Files.readAllBytes(mp4));

        assertThat(media.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(media.mediaType()).isEqualTo("video/mp4");
        assertThat(media.width()).isEqualTo(64);
        assertThat(media.height()).isEqualTo(48);
        assertThat(media.durationMillis()).isEqualTo(1000L);
        assertThat(media.size()).isEqualTo(Files.size(mp4));
    }

    @Test
    void blanksTheLocationAnMp4CarriesInItsUserData() throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 32, 32, 3, 10);
        byte[] withLocation = Mp4Edit.appendToMoov(Files.readAllBytes(mp4),
                Mp4Edit.box("udta", Mp4Edit.box("\u00a9xyz", "+48.8584+002.2945/".getBytes(StandardCharsets.UTF_8))));
        assertThat(Fixtures.contains(withLocation, "+48.8584")).isTrue();

        InspectedMedia media = accept("located.mp4", withLocation);

        byte[] out = Files.readAllBytes(media.sanitizedFile());
        assertThat(out).hasSameSizeAs(withLocation);
        assertThat(Fixtures.contains(out, "+48.8584")).isFalse();
        try (PosterFrames posters = new PosterFrames(DecodeBudget.defaults(), PosterFrames.DEFAULT_MAX_FRAME_PIXELS,
                java.time.Duration.ofSeconds(30), 1)) {
            assertThat(posters.of(media.sanitizedFile(), 32, java.time.Duration.ofSeconds(5))).isPresent();
        }
    }

    @Test
    void acceptsWebmWithItsDurationAndPictureSize() throws Exception {
        InspectedMedia media = accept("clip.webm", Fixtures.webm("webm", 320, 240, 2500.0));

        assertThat(media.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(media.mediaType()).isEqualTo("video/webm");
        assertThat(media.width()).isEqualTo(320);
        assertThat(media.height()).isEqualTo(240);
        assertThat(media.durationMillis()).isEqualTo(2500L);
    }

    @Test
    void acceptsWebmRecordedLiveWithoutSizesOrDuration() throws Exception {
        InspectedMedia media = accept("live.webm", Fixtures.liveWebm(false));

        assertThat(media.mediaType()).isEqualTo("video/webm");
        assertThat(media.width()).isEqualTo(64);
        assertThat(media.height()).isEqualTo(48);
        assertThat(media.durationMillis()).isNull();
    }

    @Test
    void refusesWebmCarryingAnAttachedFile() throws Exception {
        MediaRejectedException e = refuse("attached.webm", Fixtures.liveWebm(true));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("attached files");
    }

    @Test
    void refusesLiveWebmWithDataAppended() throws Exception {
        MediaRejectedException e = refuse("polyglot.webm", concat(Fixtures.liveWebm(false), Fixtures.zip()));

        assertThat(e.status()).isEqualTo(415);
    }

    @Test
    void refusesMp4WithoutAMovieHeader() throws Exception {
        byte[] noMoov = concat(Mp4Edit.box("ftyp", "isom\0\0\2\0isomavc1".getBytes(StandardCharsets.US_ASCII)),
                Mp4Edit.box("mdat", new byte[100]));

        MediaRejectedException e = refuse("empty.mp4", noMoov);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("MP4 video could not be read");
    }

    @Test
    void acceptsJpegPaddedWithAFewZeroBytesAfterItsEnd() throws Exception {
        InspectedMedia media = accept("padded.jpg", concat(Fixtures.jpeg(20, 20), new byte[4]));

        assertThat(media.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void acceptsJpegFollowedByItsSecondaryImagesAsPhonesWriteThem() throws Exception {
        InspectedMedia media = accept("mpf.jpg", concat(Fixtures.jpeg(40, 30), Fixtures.jpeg(10, 8)));

        assertThat(media.width()).isEqualTo(40);
        assertThat(media.height()).isEqualTo(30);
    }

    // Polyglots

    /** Images with something hidden behind their end, and what the refusal must say. */
    static Stream<Arguments> polyglots() {
        return Stream.of(
                arguments(named("PNG with a zip appended", concat(Fixtures.png(20, 20), Fixtures.zip())),
                        "polyglot.png", List.of("PNG image", "hidden")),
                arguments(named("PNG with a script appended", concat(Fixtures.png(20, 20),
                                "<html><script>alert(document.cookie)</script></html>".getBytes(
                                        StandardCharsets.US_ASCII))),
                        "polyglot.png", List.of("hidden")),
                arguments(named("JPEG with data after its end", concat(Fixtures.jpeg(20, 20), Fixtures.zip())),
                        "polyglot.jpg", List.of("JPEG image", "hidden")),
                arguments(named("JPEG with a short script after its end", concat(Fixtures.jpeg(20, 20),
                                "<svg onload=x>".getBytes(StandardCharsets.US_ASCII))),
                        "polyglot.jpg", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("polyglots")
    void refusesAnImageWithSomethingHiddenBehindIt(byte[] upload, String name, List<String> saying)
            throws Exception {
        MediaRejectedException e = refuse(name, upload);

        assertThat(e.status()).isEqualTo(415);
        assertThat(saying).allSatisfy(part -> assertThat(e.getMessage()).contains(part));
    }

    @Test
    void refusesPngThatIsAlsoAPdf() throws Exception {
        byte[] png = Fixtures.png(20, 20);
        byte[] pdfInside = concat(slice(png, 0, 33),
                Fixtures.chunk("tEXt", "Comment\0%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)),
                slice(png, 33, png.length));

        MediaRejectedException e = refuse("polyglot.png", pdfInside);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("hidden");
    }

    @Test
    void refusesGifEvenWithSomethingElseBehindIt() throws Exception {
        MediaRejectedException e = refuse("gifar.png", concat("GIF89a".getBytes(StandardCharsets.US_ASCII),
                new byte[] {1, 0, 1, 0, 0, 0, 0}, Fixtures.zip()));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("GIF").contains("PNG, JPEG and WebP").contains("MP4 and WebM");
    }

    @Test
    void refusesPdfThatAlsoCarriesAnImage() throws Exception {
        MediaRejectedException e = refuse("doc.jpg",
                concat("%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII), Fixtures.jpeg(10, 10)));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("PDF");
    }

    @Test
    void refusesMp4WithDataAppendedAfterItsBoxes() throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 32, 32, 3, 10);

        MediaRejectedException e = refuse("polyglot.mp4", concat(Files.readAllBytes(mp4), Fixtures.zip()));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("MP4 video").contains("hidden");
    }

    @Test
    void refusesWebmWithDataAppendedAfterItsSegment() throws Exception {
        MediaRejectedException e = refuse("polyglot.webm",
                concat(Fixtures.webm("webm", 32, 32, 100), "<html>".getBytes(StandardCharsets.US_ASCII)));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("WebM video").contains("hidden");
    }

    // Unsupported types

    @Test
    void refusesUnsupportedTypesNamingTheSupportedOnes() throws Exception {
        byte[] gif = Fixtures.encode(Fixtures.picture(10, 10, false), "gif");
        byte[] bmp = Fixtures.encode(Fixtures.picture(10, 10, false), "bmp");
        byte[] tiff = Fixtures.encode(Fixtures.picture(10, 10, false), "tiff");
        byte[] svg = ("<?xml version=\"1.0\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] text = "just some words\n".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(refuse("a.gif", gif).getMessage()).startsWith("A GIF image cannot be uploaded.");
        assertThat(refuse("a.bmp", bmp).getMessage()).startsWith("A BMP image");
        assertThat(refuse("a.tiff", tiff).getMessage()).startsWith("A TIFF image");
        assertThat(refuse("a.svg", svg).getMessage()).startsWith("An SVG image");
        assertThat(refuse("a.html", html).getMessage()).startsWith("A web page");
        assertThat(refuse("a.pdf", pdf).getMessage()).startsWith("A PDF document");
        assertThat(refuse("a.png", text).getMessage()).startsWith("This file is not an image or video");
        for (byte[] unsupported : List.of(gif, bmp, tiff, svg, html, text, pdf)) {
            MediaRejectedException e = refuse("upload", unsupported);
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.getMessage()).endsWith(MediaRejectedException.SUPPORTED);
        }
    }

    @Test
    void refusesEmptyFile() throws Exception {
        MediaRejectedException e = refuse("empty.png", new byte[0]);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("empty");
    }

    @Test
    void refusesMatroskaThatIsNotWebm() throws Exception {
        MediaRejectedException e = refuse("clip.webm", Fixtures.webm("matroska", 32, 32, 100));

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("Matroska");
    }

    @Test
    void refusesHeicAndQuickTimeThoughTheyShareMp4Boxes() throws Exception {
        byte[] heic = concat(new byte[] {0, 0, 0, 24}, "ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
        byte[] mov = concat(new byte[] {0, 0, 0, 20}, "ftypqt  \0\0\0\0qt  ".getBytes(StandardCharsets.US_ASCII));

        assertThat(refuse("photo.heic", heic).getMessage()).startsWith("A HEIC image");
        assertThat(refuse("clip.mov", mov).getMessage()).startsWith("A QuickTime (MOV) video");
    }

    // Bombs and limits

    @Test
    void refusesDecompressionBombFromItsHeaderWithoutDecodingIt() throws Exception {
        byte[] bomb = Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(50_000, 50_000),
                "IDAT", Fixtures.deflatedZeros(1_000_000), "IEND", new byte[0]);
        assertThat(bomb.length).isLessThan(4096);

        MediaRejectedException e = refuse("bomb.png", bomb);

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("50000 × 50000").contains("40 megapixels");
    }

    @Test
    void refusesJpegDeclaringTooManyPixels() throws Exception {
        byte[] jpeg = Fixtures.jpeg(16, 16);
        int sof = indexOfMarker(jpeg, 0xC0);
        ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 60000).putShort(sof + 7, (short) 60000);

        MediaRejectedException e = refuse("bomb.jpg", jpeg);

        assertThat(e.status()).isEqualTo(413);
    }

    @Test
    void refusesImageOverTheConfiguredPixelLimit() throws Exception {
        MediaInspector strict = new MediaInspector(new MediaLimits(1_000_000, 5_000, 1_000_000));

        MediaRejectedException e = refuse(strict, "big.png", Fixtures.png(100, 100));

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("100 × 100");
        assertThat(accept(strict, "small.png", Fixtures.png(50, 50)).width()).isEqualTo(50);
    }

    @Test
    void refusesImageOverTheByteLimit() throws Exception {
        byte[] png = Fixtures.png(100, 100);
        MediaInspector strict = new MediaInspector(new MediaLimits(png.length - 1, 40_000_000, 1_000_000));

        MediaRejectedException e = refuse(strict, "big.png", png);

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("allowed for images");
    }

    @Test
    void refusesVideoOverTheByteLimit() throws Exception {
        byte[] webm = Fixtures.webm("webm", 32, 32, 100);
        MediaInspector strict = new MediaInspector(new MediaLimits(1_000_000, 40_000_000, webm.length - 1));

        MediaRejectedException e = refuse(strict, "big.webm", webm);

        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("allowed for videos");
    }

    // Damaged files

    @Test
    void refusesTruncatedImages() throws Exception {
        byte[] png = Fixtures.png(40, 40);
        byte[] jpeg = Fixtures.jpeg(40, 40);
        byte[] webp = Fixtures.resource("photo-with-exif.webp");

        for (var upload : List.of(
                new Object[] {"cut.png", slice(png, 0, png.length / 2), "PNG image"},
                new Object[] {"cut.jpg", slice(jpeg, 0, jpeg.length - 40), "JPEG image"},
                new Object[] {"cut.webp", slice(webp, 0, webp.length - 30), "WebP image"})) {
            MediaRejectedException e = refuse((String) upload[0], (byte[]) upload[1]);
            assertThat(e.status()).isEqualTo(415);
            assertThat(e.getMessage()).isEqualTo("This " + upload[2] + " could not be read: it is damaged or"
                    + " incomplete. Save or export it again and upload the new copy.");
        }
    }

    @Test
    void refusesPngWithDamagedChecksum() throws Exception {
        byte[] png = Fixtures.png(40, 40);
        png[40] ^= 0x55;

        MediaRejectedException e = refuse("damaged.png", png);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("could not be read");
    }

    @Test
    void refusesPngWhosePixelDataIsGarbage() throws Exception {
        byte[] png = Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(10, 10),
                "IDAT", "not compressed data at all".getBytes(StandardCharsets.US_ASCII), "IEND", new byte[0]);

        MediaRejectedException e = refuse("garbage.png", png);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("could not be read");
    }

    @Test
    void refusesTruncatedVideos() throws Exception {
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 32, 32, 3, 10);
        byte[] mp4Bytes = Files.readAllBytes(mp4);
        byte[] webm = Fixtures.webm("webm", 32, 32, 100);

        MediaRejectedException cutMp4 = refuse("cut.mp4", slice(mp4Bytes, 0, mp4Bytes.length - 10));
        MediaRejectedException cutWebm = refuse("cut.webm", slice(webm, 0, webm.length - 3));

        assertThat(cutMp4.status()).isEqualTo(415);
        assertThat(cutMp4.getMessage()).contains("MP4 video could not be read");
        assertThat(cutWebm.status()).isEqualTo(415);
        assertThat(cutWebm.getMessage()).contains("WebM video could not be read");
    }

    @Test
    void leavesNoFileBehindWhenRefusing() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var files = Files.list(tmp)) {
            before = files.filter(p -> p.getFileName().toString().startsWith("upload-")).count();
        }
        Path mp4 = dir.resolve("clip.mp4");
        Fixtures.mp4(mp4, 32, 32, 3, 10);
        refuse("polyglot.mp4", concat(Files.readAllBytes(mp4), Fixtures.zip()));
        refuse("garbage.png", Fixtures.pngOfChunks("IHDR", Fixtures.ihdr(10, 10),
                "IDAT", new byte[] {1, 2, 3}, "IEND", new byte[0]));

        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("upload-")).count())
                    .isLessThanOrEqualTo(before);
        }
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(marker));
    }
}
