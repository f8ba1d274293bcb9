package dev.atelier.storage.local.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
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
 * registers a working {@link StorageBackend} named {@code local} that keeps objects in the folder of the framework
 * property {@code atelier.storage.local.dir}. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalStorageBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.storage.local";

    @Inject
    private BundleContext context;

    @Inject
    private StorageBackend backend;

    @Configuration
    public Option[] configuration() {
        return options(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                frameworkProperty("atelier.storage.local.dir").value(storageDir()),
                workingDirectory(required("atelier.it.work")),
                cleanCaches(),
                junitBundles(),
                bundle(itBundle("org.osgi.util.function.jar")),
                bundle(itBundle("org.osgi.util.promise.jar")),
                bundle(itBundle("org.osgi.service.component.jar")),
                bundle(itBundle("org.apache.felix.scr.jar")),
                bundle(itBundle("platform-api.jar")),
                bundle(new File(required("atelier.it.storage-bundle")).toURI().toString()));
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = storageBundle();

        assertEquals(Bundle.ACTIVE, bundle.getState());
        String imports = bundle.getHeaders().get("Import-Package");
        assertTrue(imports, imports.contains("dev.atelier.spi.storage"));
        assertFalse(imports, imports.contains("org.slf4j"));
        assertTrue("no exports: " + bundle.getHeaders().get("Export-Package"),
                bundle.getHeaders().get("Export-Package") == null);
    }

    @Test
    public void registersTheBackendUnderTheIdLocal() throws Exception {
        Collection<ServiceReference<StorageBackend>> references =
                context.getServiceReferences(StorageBackend.class, "(atelier.storage.id=local)");

        assertEquals(1, references.size());
        assertEquals(SYMBOLIC_NAME, references.iterator().next().getBundle().getSymbolicName());
    }

    @Test
    public void keepsObjectsInTheFolderOfTheFrameworkProperty() throws Exception {
        byte[] content = "hello from the container".getBytes(StandardCharsets.UTF_8);

        StoredObject stored = backend.put("tnt_it/outputs/hello.txt", new ByteArrayInputStream(content),
                content.length, "text/plain", new ItTenant());

        assertEquals(content.length, stored.size());
        Path file = Path.of(storageDir(), "tnt_it", "tnt_it", "outputs", "hello.txt");
        assertArrayEquals(content, Files.readAllBytes(file));
        try (InputStream in = backend.get("tnt_it/outputs/hello.txt", new ItTenant())) {
            assertArrayEquals(content, in.readAllBytes());
        }
        assertNotNull(backend.stat("tnt_it/outputs/hello.txt", new ItTenant()).orElse(null));
    }

    private Bundle storageBundle() {
        return Arrays.stream(context.getBundles())
                .filter(b -> SYMBOLIC_NAME.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(SYMBOLIC_NAME + " is not installed"));
    }

    private static String storageDir() {
        return new File(required("atelier.it.work"), "storage").getAbsolutePath();
    }

    private static String itBundle(String name) {
        File file = new File(required("atelier.it.bundles"), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: run the in-container tests through Maven "
                    + "(mvn verify), which copies the test bundles in pre-integration-test");
        }
        return file.toURI().toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven (mvn verify)");
        }
        return value;
    }

    private static final class ItTenant implements TenantContext {
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
    }
}
