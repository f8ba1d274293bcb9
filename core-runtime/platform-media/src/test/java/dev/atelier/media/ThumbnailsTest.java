package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThumbnailsTest {

    @TempDir
    Path dir;

    /** Pictures as uploaded, the longest side allowed, and the thumbnail's size. */
    static Stream<Arguments> sizes() {
        return Stream.of(
                arguments(named("a wide image is as wide as allowed", Fixtures.png(400, 200)), 100, 100, 50),
                arguments(named("a tall JPEG is as tall as allowed", Fixtures.jpeg(300, 1200)), 256, 64, 256),
                arguments(named("a sideways photo stands upright", Fixtures.jpegWithExif(400, 200, 6)), 100, 50, 100),
                arguments(named("a small image is not enlarged", Fixtures.png(50, 30)), 100, 50, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void thumbnailFitsTheLongestSideAllowed(byte[] upload, int maxSide, int width, int height) throws Exception {
        Path file = Fixtures.write(dir, "upload", upload);

        BufferedImage thumbnail = Fixtures.decode(Thumbnails.ofImage(file, maxSide));

        assertThat(thumbnail.getWidth()).isEqualTo(width);
        assertThat(thumbnail.getHeight()).isEqualTo(height);
    }

    @Test
    void thumbnailOfWebpIsAJpeg() throws Exception {
        Path webp = Fixtures.write(dir, "photo.webp", Fixtures.resource("photo-with-exif.webp"));

        byte[] thumbnail = Thumbnails.ofImage(webp, 20);

        assertThat(thumbnail[0] & 0xFF).isEqualTo(0xFF);
        assertThat(thumbnail[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage decoded = Fixtures.decode(thumbnail);
        assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isEqualTo(20);
        assertThat(Thumbnails.thumbnailMediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void thumbnailOfSomethingThatIsNotAnImageFails() throws Exception {
        Path text = Fixtures.write(dir, "notes.png", "hello".getBytes());

        assertThatThrownBy(() -> Thumbnails.ofImage(text, 100)).isInstanceOf(java.io.IOException.class);
    }
}
