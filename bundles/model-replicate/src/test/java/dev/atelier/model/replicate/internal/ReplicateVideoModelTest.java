package dev.atelier.model.replicate.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.GenerationModelContract;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The video model against a replayed Replicate API whose output is an MP4. */
class ReplicateVideoModelTest extends GenerationModelContract {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ReplicateApiStubs api = new ReplicateApiStubs(server);

    @Override
    protected GenerationModel createModel() {
        return new ReplicateVideoModel(ReplicateImageModelTest.QUICK);
    }

    @Override
    protected TenantContext tenant() {
        return api.tenant();
    }

    @BeforeEach
    void replayASucceedingVideoPrediction() {
        api.createStartsPrediction();
        // Video models commonly answer a single URL rather than a list.
        api.pollsWalkTo(api.prediction("succeeded", "", "\"" + api.deliveryBase() + "/delivery/output.mp4\"", null));
        api.delivers("output.mp4", "video/mp4", mp4(320, 180, 2500));
    }

    @Test
    void describesOneVideoModel() {
        assertThat(model.descriptor().id()).isEqualTo("replicate-video");
        assertThat(model.descriptor().output()).isEqualTo(MediaKind.VIDEO);
    }

    @Test
    void returnsTheDownloadedVideoAsAFileWithTheSizeAndLengthOfItsMovieHeader() throws Exception {
        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        GeneratedMedia video = result.outputs().get(0);
        Path file = video.file().orElseThrow();
        try {
            assertThat(video.mediaType()).isEqualTo("video/mp4");
            assertThat(video.width()).isEqualTo(320);
            assertThat(video.height()).isEqualTo(180);
            assertThat(video.durationMillis().getAsLong()).isEqualTo(2500);
            assertThat(Files.readAllBytes(file)).isEqualTo(mp4(320, 180, 2500));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * An MP4 as encoders lay it out (ftyp, mdat, then moov with mvhd and one video trak/tkhd), with a few bytes of
     * media data: enough for the container to be read, which is all the model reads.
     */
    static byte[] mp4(int width, int height, int durationMillis) {
        byte[] ftyp = box("ftyp", concat(ascii("isom"), int32(512), ascii("isomiso2avc1mp41")));
        byte[] mdat = box("mdat", new byte[] {0, 0, 0, 2, 9, 16});
        ByteBuffer mvhd = ByteBuffer.allocate(100);
        mvhd.putInt(0).putInt(0).putInt(0).putInt(1000).putInt(durationMillis).putInt(0x00010000).putShort((short) 0x0100);
        ByteBuffer tkhd = ByteBuffer.allocate(84);
        tkhd.putInt(3).putInt(0).putInt(0).putInt(1).putInt(0).putInt(durationMillis).putLong(0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        tkhd.putInt(0x00010000).putInt(0).putInt(0).putInt(0).putInt(0x00010000).putInt(0).putInt(0).putInt(0)
                .putInt(0x40000000);
        tkhd.putInt(width << 16).putInt(height << 16);
        byte[] trak = box("trak", box("tkhd", tkhd.array()));
        byte[] moov = box("moov", concat(box("mvhd", mvhd.array()), trak));
        return concat(ftyp, mdat, moov);
    }

    private static byte[] box(String type, byte[] content) {
        return concat(int32(8 + content.length), ascii(type), content);
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
