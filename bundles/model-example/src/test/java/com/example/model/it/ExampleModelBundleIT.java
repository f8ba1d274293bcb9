package com.example.model.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsOnly;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static org.junit.Assert.assertEquals;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import dev.atelier.spi.testkit.osgi.ModelBundleTest;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The built jar inside a real Felix with Declarative Services and, of the platform, only platform-api, as the platform
 * runs it: it resolves, starts, registers its model and draws a picture. A unit test cannot show any of that.
 *
 * <p>Pax Exam runs it with JUnit 4 in Maven's integration-test phase ({@code mvn verify}); the bundle parent copies
 * the container's bundles and passes the jar's path ({@code atelier.it.bundle}). {@link ModelBundleTest} brings the
 * container ({@code FelixContainer.options}), the injected {@code context} and a test that the bundle registers
 * exactly the models named here.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExampleModelBundleIT extends ModelBundleTest {

    private static final String SYMBOLIC_NAME = "com.example.model";

    public ExampleModelBundleIT() {
        super(SYMBOLIC_NAME, "example");
    }

    @Test
    public void startsWithNothingFromThePlatformButItsApi() {
        Bundle bundle = modelBundle();

        assertActive(bundle);
        // The platform exports only dev.atelier.spi.* besides the JRE: anything else would not resolve there.
        assertImportsOnly(bundle, "dev.atelier.spi.", "java.", "javax.");
        assertWiredOnlyTo(bundle, FelixContainer.PLATFORM_API_SYMBOLIC_NAME);
        assertExportsNothing(bundle);
    }

    @Test
    public void drawsAPictureInsideTheContainer() throws Exception {
        GenerationRequest request = GenerationRequest.of("a quiet harbour", Map.of("width", 64L, "height", 32L));

        GeneratedMedia picture = models().get("example").generate(request, TestGenerationContext.create(
                TestTenantContext.withConfig(Map.of("palette", "cool")), Duration.ofSeconds(30))).outputs().get(0);

        assertEquals("image/png", picture.mediaType());
        assertEquals(64, picture.width());
        assertEquals(32, picture.height());
    }
}
