package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngRowDecoderTest {

    @Test
    void averagesEachThumbnailPixelOverExactlyItsBoxOfSourcePixels() throws Exception {
        // Sizes whose scale is not whole, so boxes are two and three pixels wide and high, in both directions.
        BufferedImage noise = noise(1000, 700, new Random(42));
        byte[] png = png(noise);

        BufferedImage thumbnail = PngRowDecoder.thumbnail(png, PngStructure.read(png), 384);

        assertThat(thumbnail.getWidth()).isEqualTo(384);
        assertThat(thumbnail.getHeight()).isEqualTo(269);
        for (int y = 0; y < thumbnail.getHeight(); y++) {
            for (int x = 0; x < thumbnail.getWidth(); x++) {
                assertThat(thumbnail.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
                        .isEqualTo(boxAverage(noise, x, y, thumbnail.getWidth(), thumbnail.getHeight()));
            }
        }
    }

    /** The rounded mean of the source pixels whose column and row map to thumbnail pixel (tx, ty). */
    private static int boxAverage(BufferedImage source, int tx, int ty, int targetWidth, int targetHeight) {
        long[] sums = new long[3];
        long pixels = 0;
        for (int y = 0; y < source.getHeight(); y++) {
            if ((long) y * targetHeight / source.getHeight() != ty) {
                continue;
            }
            for (int x = 0; x < source.getWidth(); x++) {
                if ((long) x * targetWidth / source.getWidth() != tx) {
                    continue;
                }
                int rgb = source.getRGB(x, y);
                sums[0] += (rgb >> 16) & 0xFF;
                sums[1] += (rgb >> 8) & 0xFF;
                sums[2] += rgb & 0xFF;
                pixels++;
            }
        }
        int rgb = 0;
        for (long sum : sums) {
            rgb = (rgb << 8) | (int) (sum * (1.0 / pixels) + 0.5);
        }
        return rgb;
    }

    private static BufferedImage noise(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
