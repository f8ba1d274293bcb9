package dev.atelier.model.procedural.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.tenant.TenantContext;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, and
 * registers two working {@link GenerationModel}s, the image model and the video model with its embedded encoder. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProceduralModelBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.model.procedural";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Inject
    private BundleContext context;

    @Inject
    private GenerationModel anyModel;

    @Configuration
    public Option[] configuration() {
        return options(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("java.awt.headless").value("true"),
                workingDirectory(required("atelier.it.work")),
                cleanCaches(),
                junitBundles(),
                bundle(itBundle("org.osgi.util.function.jar")),
                bundle(itBundle("org.osgi.util.promise.jar")),
                bundle(itBundle("org.osgi.service.component.jar")),
                bundle(itBundle("org.apache.felix.scr.jar")),
                bundle(itBundle("platform-api.jar")),
                bundle(fileUrl(new File(required("atelier.it.model-bundle")))));
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = modelBundle();

        assertEquals(Bundle.ACTIVE, bundle.getState());
        String imports = bundle.getHeaders().get("Import-Package");
        assertTrue(imports, imports.contains("dev.atelier.spi.model"));
        assertFalse(imports, imports.contains("org.osgi.framework"));
        assertFalse(imports, imports.contains("org.slf4j"));
        // The video encoder is embedded, not imported.
        assertFalse(imports, imports.contains("org.jcodec"));
        assertFalse(imports, imports.contains("net.sourceforge.jaad"));
        assertTrue("no exports: " + bundle.getHeaders().get("Export-Package"),
                bundle.getHeaders().get("Export-Package") == null);
    }

    @Test
    public void registersTheImageAndTheVideoModelServices() throws Exception {
        assertNotNull("no GenerationModel service", anyModel);
        Map<String, GenerationModel> models = models();

        assertEquals(Set.of("procedural", "procedural-video"), models.keySet());
        for (GenerationModel model : models.values()) {
            assertEquals(modelBundle().getVersion().toString(), model.descriptor().version());
        }
        for (ServiceReference<GenerationModel> reference : context.getServiceReferences(GenerationModel.class, null)) {
            assertEquals(SYMBOLIC_NAME, reference.getBundle().getSymbolicName());
        }
    }

    @Test
    public void generatesAPngInsideTheContainer() throws Exception {
        GenerationModel model = models().get("procedural");
        GenerationRequest request = GenerationRequest.of("a lighthouse on a cliff at dusk",
                Map.of("width", 256L, "height", 192L, "seed", 7L, "style", "aurora"));

        GenerationResult result = model.generate(request, new ContainerContext());

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

        GenerationResult result = model.generate(request, new ContainerContext());

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

    /** Every model service, by descriptor id. */
    private Map<String, GenerationModel> models() throws Exception {
        Map<String, GenerationModel> models = new HashMap<>();
        for (ServiceReference<GenerationModel> reference : context.getServiceReferences(GenerationModel.class, null)) {
            GenerationModel model = context.getService(reference);
            models.put(model.descriptor().id(), model);
        }
        return models;
    }

    private Bundle modelBundle() {
        return Arrays.stream(context.getBundles())
                .filter(b -> SYMBOLIC_NAME.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(SYMBOLIC_NAME + " is not installed"));
    }

    private static String itBundle(String name) {
        File file = new File(required("atelier.it.bundles"), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: run the in-container tests through Maven "
                    + "(mvn verify), which copies the test bundles in pre-integration-test");
        }
        return fileUrl(file);
    }

    private static String fileUrl(File file) {
        return file.toURI().toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven (mvn verify)");
        }
        return value;
    }

    /** The host's side of a call, reduced to what a generation inside the container needs. */
    private static final class ContainerContext implements GenerationContext {
        @Override
        public TenantContext tenant() {
            return new TenantContext() {
                @Override
                public String tenantId() {
                    return "tnt_it";
                }

                @Override
                public String tenantSlug() {
                    return "it";
                }

                @Override
                public Map<String, String> pluginConfig() {
                    return Map.of();
                }

                @Override
                public String correlationId() {
                    return "req_it";
                }
            };
        }

        @Override
        public String jobId() {
            return "job_it";
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(60);
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(int percent, String stage) {}
    }
}
