package dev.atelier.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThumbnailsTest {

    @TempDir
    Path dir;

    @Test
    void thumbnailOfAWideImageIsAsWideAsAllowed() throws Exception {
        Path png = Fixtures.write(dir, "wide.png", Fixtures.png(400, 200));

        BufferedImage thumbnail = Fixtures.decode(Thumbnails.ofImage(png, 100));

        assertThat(thumbnail.getWidth()).isEqualTo(100);
        assertThat(thumbnail.getHeight()).isEqualTo(50);
    }

    @Test
    void thumbnailOfATallJpegIsAsTallAsAllowed() throws Exception {
        Path jpeg = Fixtures.write(dir, "tall.jpg", Fixtures.jpeg(300, 1200));

        BufferedImage thumbnail = Fixtures.decode(Thumbnails.ofImage(jpeg, 256));

        assertThat(thumbnail.getHeight()).isEqualTo(256);
        assertThat(thumbnail.getWidth()).isEqualTo(64);
    }

    @Test
    void thumbnailOfASidewaysPhotoStandsUpright() throws Exception {
        Path jpeg = Fixtures.write(dir, "sideways.jpg", Fixtures.jpegWithExif(400, 200, 6));

        BufferedImage thumbnail = Fixtures.decode(Thumbnails.ofImage(jpeg, 100));

        assertThat(thumbnail.getWidth()).isEqualTo(50);
        assertThat(thumbnail.getHeight()).isEqualTo(100);
    }

    @Test
    void smallImageIsNotEnlarged() throws Exception {
        Path png = Fixtures.write(dir, "small.png", Fixtures.png(50, 30));

        BufferedImage thumbnail = Fixtures.decode(Thumbnails.ofImage(png, 100));

        assertThat(thumbnail.getWidth()).isEqualTo(50);
        assertThat(thumbnail.getHeight()).isEqualTo(30);
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
