package dev.atelier.model.replicate.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.tenant.TenantContext;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, imports
 * nothing of its embedded Jackson, and registers the image and the video model. A call inside the container runs the
 * embedded Jackson (tenant settings, request body) and the JDK HTTP client against a port where nothing listens.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReplicateModelBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.model.replicate";

    @Inject
    private BundleContext context;

    @Inject
    private GenerationModel anyModel;

    @Configuration
    public Option[] configuration() {
        return options(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
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
    public void bundleResolvesAndStartsWithOnlyPlatformApiAndTheJdkFromTheHost() {
        Bundle bundle = modelBundle();

        assertEquals(Bundle.ACTIVE, bundle.getState());
        String imports = bundle.getHeaders().get("Import-Package");
        assertTrue(imports, imports.contains("dev.atelier.spi.model"));
        for (String imported : imports.split(",(?![^\\[(]*[\\])])")) {
            String name = imported.split(";")[0].trim();
            assertTrue("imports " + name, name.startsWith("dev.atelier.spi.") || name.startsWith("java.")
                    || name.startsWith("javax.xml.") || name.startsWith("org.w3c.dom") || name.startsWith("org.xml.sax"));
        }
        assertFalse(imports, imports.contains("com.fasterxml"));
        assertFalse(imports, imports.contains("org.osgi.framework"));
        assertTrue("no exports: " + bundle.getHeaders().get("Export-Package"),
                bundle.getHeaders().get("Export-Package") == null);
    }

    @Test
    public void registersTheImageAndTheVideoModelServices() throws Exception {
        assertNotNull("no GenerationModel service", anyModel);
        Map<String, GenerationModel> models = models();

        assertEquals(Set.of("replicate-image", "replicate-video"), models.keySet());
        for (GenerationModel model : models.values()) {
            assertEquals(modelBundle().getVersion().toString(), model.descriptor().version());
        }
    }

    @Test
    public void anUnreachableApiEndsTheCallAsTemporaryInsideTheContainer() throws Exception {
        GenerationModel model = models().get("replicate-image");
        GenerationRequest request = GenerationRequest.of("a lighthouse on a cliff at dusk",
                Map.of("width", 256L, "height", 192L, "seed", 7L));
        Map<String, String> config = Map.of("base_url", "http://127.0.0.1:" + freePort(), "api_token", "r8_it",
                "version", "5599ed30", "extra_input", "{\"num_outputs\":1}");

        try {
            model.generate(request, new ContainerContext(config));
            fail("generated without an API");
        } catch (GenerationException e) {
            assertEquals(GenerationException.Kind.TEMPORARY, e.kind());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
        private final Map<String, String> config;

        ContainerContext(Map<String, String> config) {
            this.config = config;
        }

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
                    return config;
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
