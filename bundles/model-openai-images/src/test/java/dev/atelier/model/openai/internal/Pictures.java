package dev.atelier.model.openai.internal;

import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Real pictures for the replayed API, drawn with Java2D, and the answer bodies the images API documents. */
final class Pictures {

    private Pictures() {}

    /** A real PNG of the given size. */
    static byte[] png(int width, int height) {
        return encode(width, height, "png");
    }

    static byte[] jpeg(int width, int height) {
        return encode(width, height, "jpg");
    }

    /** {@code POST /v1/images/generations} and {@code /edits} answer with the picture inlined. */
    static String b64Answer(byte[] picture) {
        return "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(picture)
                + "\"}],\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
                + "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}";
    }

    /** The older shape (and some compatible services): a link to the picture. */
    static String urlAnswer(String url) {
        return "{\"created\":1713833628,\"data\":[{\"url\":\"" + url + "\",\"revised_prompt\":\"a lighthouse\"}]}";
    }

    static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    /** An uploaded picture as the host hands it to a model. */
    static InputMedia upload(byte[] content, String mediaType) {
        return new InputMedia() {
            @Override
            public MediaKind kind() {
                return MediaKind.IMAGE;
            }

            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    private static byte[] encode(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x7c3aed), width, height, new Color(0x22d3ee)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
