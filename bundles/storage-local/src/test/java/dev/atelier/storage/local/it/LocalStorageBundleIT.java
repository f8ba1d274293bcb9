package dev.atelier.storage.local.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts, and
 * registers a working {@link StorageBackend} named {@code local} that keeps objects in the folder of the framework
 * property {@code atelier.storage.local.dir}. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalStorageBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.storage.local";

    private static final TestTenantContext TENANT = TestTenantContext.defaults();

    @Inject
    private BundleContext context;

    @Inject
    private StorageBackend backend;

    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle",
                frameworkProperty("atelier.storage.local.dir").value(storageDir()));
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = storageBundle();

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.storage");
        assertImportsNone(bundle, "org.slf4j");
        assertExportsNothing(bundle);
    }

    @Test
    public void registersTheBackendUnderTheIdLocal() throws Exception {
        onlyServiceReference(context, StorageBackend.class, "atelier.storage.id", "local", SYMBOLIC_NAME);
    }

    @Test
    public void keepsObjectsInTheFolderOfTheFrameworkProperty() throws Exception {
        byte[] content = "hello from the container".getBytes(StandardCharsets.UTF_8);

        StoredObject stored = backend.put("tnt_test/outputs/hello.txt", new ByteArrayInputStream(content),
                content.length, "text/plain", TENANT);

        assertEquals(content.length, stored.size());
        Path file = Path.of(storageDir(), "tnt_test", "tnt_test", "outputs", "hello.txt");
        assertArrayEquals(content, Files.readAllBytes(file));
        try (InputStream in = backend.get("tnt_test/outputs/hello.txt", TENANT)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertNotNull(backend.stat("tnt_test/outputs/hello.txt", TENANT).orElse(null));
    }

    private Bundle storageBundle() {
        return installedBundle(context, SYMBOLIC_NAME);
    }

    private static String storageDir() {
        return new File(FelixContainer.required(FelixContainer.WORK_PROPERTY), "storage").getAbsolutePath();
    }
}
