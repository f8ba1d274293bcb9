package dev.atelier.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation of a photo, and turning its pixels upright. Once EXIF is stripped a viewer can no longer
 * rotate a sideways-stored phone photo, so the rotation is applied to the pixels instead.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The orientation tag of the EXIF (TIFF) block at {@code offset}; 1 when absent or unreadable. */
    static int read(byte[] data, int offset, int length) {
        if (length <= 8) {
            return 1;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, offset, length))) {
            Directory directory = new TIFFReader().read(in);
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number number) {
                int value = number.intValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (Exception e) {
            // Broken EXIF is common and harmless once stripped: treat the photo as upright.
        }
        return 1;
    }

    /** Whether the orientation swaps width and height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code image} turned upright, drawn onto a new image of {@code type}; {@code image} itself if already so. */
    static BufferedImage apply(BufferedImage image, int orientation, int type) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        BufferedImage upright = swapsSides(orientation) ? new BufferedImage(h, w, type) : new BufferedImage(w, h, type);
        Graphics2D g = upright.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return upright;
    }
}
