package dev.atelier.model.replicate.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsOnly;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.ModelBundleTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, imports
 * nothing of its embedded Jackson, and registers the image and the video model. A call inside the container runs the
 * embedded Jackson (tenant settings, request body), the webhook secret (JDK crypto, SPI 1.1 callbacks) and the JDK HTTP
 * client against a port where nothing listens.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReplicateModelBundleIT extends ModelBundleTest {

    private static final String SYMBOLIC_NAME = "dev.atelier.model.replicate";

    public ReplicateModelBundleIT() {
        super(SYMBOLIC_NAME, "replicate-image", "replicate-video");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiAndTheJdkFromTheHost() {
        Bundle bundle = modelBundle();

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.model");
        assertImportsMention(bundle, "javax.crypto");
        assertImportsOnly(bundle, "dev.atelier.spi.", "java.", "javax.crypto", "javax.xml.", "org.w3c.dom",
                "org.xml.sax");
        assertImportsNone(bundle, "com.fasterxml", "org.osgi.framework");
        assertExportsNothing(bundle);
    }

    @Test
    public void bothModelsDeclareTheirSettingsAndReplicateAsTheProcessor() throws Exception {
        for (GenerationModel model : models().values()) {
            assertEquals("Replicate, Inc.", model.description().disclosures().get(0).processor());
            assertEquals("api_token: is required; version: is required unless model is set",
                    model.description().settings().check(Map.of()).stream().map(Object::toString)
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
    }

    @Test
    public void anUnreachableApiEndsTheCallAsTemporaryInsideTheContainer() throws Exception {
        GenerationModel model = models().get("replicate-image");
        GenerationRequest request = GenerationRequest.of("a lighthouse on a cliff at dusk",
                Map.of("width", 256L, "height", 192L, "seed", 7L));
        Map<String, String> config = Map.of("base_url", "http://127.0.0.1:" + freePort(), "api_token", "r8_it",
                "version", "5599ed30", "extra_input", "{\"num_outputs\":1}",
                "webhook_secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        try {
            TestGenerationContext call = TestGenerationContext.create(TestTenantContext.withConfig(config),
                    Duration.ofSeconds(60));
            call.withCallbacks(URI.create("https://it.example/hooks/job_it"));
            model.generate(request, call);
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
}
