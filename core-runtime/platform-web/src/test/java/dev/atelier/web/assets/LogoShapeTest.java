package dev.atelier.web.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which logos stand for the site's name in the header (wordmarks) and which need the name beside them (icons). */
class LogoShapeTest {

    @Test
    void aWideSvgIsAWordmarkAndASquareOneAnIcon() {
        assertThat(LogoShape.isWordmark("image/svg+xml", svg("viewBox=\"0 0 320 80\""))).isTrue();
        assertThat(LogoShape.isWordmark("image/svg+xml", svg("viewBox=\"0,0,64,64\""))).isFalse();
        assertThat(LogoShape.isWordmark("image/svg+xml", svg("width=\"300px\" height=\"60px\""))).isTrue();
    }

    @Test
    void aPngIsMeasuredFromItsHeader() {
        assertThat(LogoShape.isWordmark("image/png", png(400, 100))).isTrue();
        assertThat(LogoShape.isWordmark("image/png", png(128, 128))).isFalse();
    }

    @Test
    void aLogoWhoseSizeCannotBeReadCountsAsAnIconSoTheNameStaysVisible() {
        assertThat(LogoShape.isWordmark("image/svg+xml", svg(""))).isFalse();
        assertThat(LogoShape.isWordmark("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
        assertThat(LogoShape.isWordmark("image/svg+xml", svg("viewBox=\"0 0 320 0\""))).isFalse();
    }

    private static byte[] svg(String attributes) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + "><rect/></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(int width, int height) {
        byte[] bytes = new byte[33];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[16] = (byte) (width >>> 24);
        bytes[17] = (byte) (width >>> 16);
        bytes[18] = (byte) (width >>> 8);
        bytes[19] = (byte) width;
        bytes[20] = (byte) (height >>> 24);
        bytes[21] = (byte) (height >>> 16);
        bytes[22] = (byte) (height >>> 8);
        bytes[23] = (byte) height;
        return bytes;
    }
}
