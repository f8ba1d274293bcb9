package dev.atelier.model.procedural.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import dev.atelier.spi.testkit.osgi.ModelBundleTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, and
 * registers two working {@link GenerationModel}s, the image model and the video model with its embedded encoder. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProceduralModelBundleIT extends ModelBundleTest {

    private static final String SYMBOLIC_NAME = "dev.atelier.model.procedural";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public ProceduralModelBundleIT() {
        super(SYMBOLIC_NAME, "procedural", "procedural-video");
    }

    @Override
    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle", systemProperty("java.awt.headless").value("true"));
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = modelBundle();

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.model");
        assertImportsNone(bundle, "org.osgi.framework", "org.slf4j");
        // The video encoder is embedded, not imported.
        assertImportsNone(bundle, "org.jcodec", "net.sourceforge.jaad");
        assertExportsNothing(bundle);
    }

    @Test
    public void generatesAPngInsideTheContainer() throws Exception {
        GenerationModel model = models().get("procedural");
        GenerationRequest request = GenerationRequest.of("a lighthouse on a cliff at dusk",
                Map.of("width", 256L, "height", 192L, "seed", 7L, "style", "aurora"));

        GenerationResult result = model.generate(request, TestGenerationContext.create());

        GeneratedMedia png = result.outputs().get(0);
        assertEquals("image/png", png.mediaType());
        assertEquals(256, png.width());
        assertEquals(192, png.height());
        try (InputStream in = png.open()) {
            byte[] content = in.readAllBytes();
            assertTrue(content.length > 1000);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(content, PNG_SIGNATURE.length));
        }
    }

    @Test
    public void generatesAnMp4WithTheEmbeddedEncoderInsideTheContainer() throws Exception {
        GenerationModel model = models().get("procedural-video");
        GenerationRequest request = GenerationRequest.of("northern lights over a fjord",
                Map.of("width", 128L, "height", 96L, "duration_seconds", 1L, "seed", 7L, "style", "aurora"));

        GenerationResult result = model.generate(request, TestGenerationContext.create());

        GeneratedMedia mp4 = result.outputs().get(0);
        Path file = mp4.file().orElseThrow();
        try {
            assertEquals("video/mp4", mp4.mediaType());
            assertEquals(128, mp4.width());
            assertEquals(96, mp4.height());
            assertEquals(1000L, mp4.durationMillis().getAsLong());
            byte[] content = Files.readAllBytes(file);
            assertTrue(content.length > 1000);
            assertEquals("ftyp", new String(content, 4, 4, StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
