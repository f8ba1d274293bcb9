package dev.atelier.storage.s3.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertWiredOnlyTo;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.onlyServiceReference;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.FelixContainer;
import dev.atelier.storage.s3.internal.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves with its
 * packages wired only to platform-api and the framework (the JDK), starts, registers a {@link StorageBackend} named
 * {@code s3}, and its embedded SDK stores, reads, signs and deletes objects in an S3Proxy that the test driver starts
 * (outside the framework) before the container. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class S3StorageBundleIT {

    private static final String SYMBOLIC_NAME = "dev.atelier.storage.s3";
    private static final String ENDPOINT_PROPERTY = "atelier.it.s3.endpoint";

    /** Started by the driver, outside the framework; it serves until the test JVM ends. */
    private static S3ProxyServer s3;

    @Inject
    private BundleContext context;

    @Inject
    private StorageBackend backend;

    @Configuration
    public Option[] configuration() throws Exception {
        if (s3 == null) {
            s3 = S3ProxyServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s3.close();
                } catch (Exception e) {
                    // The JVM is ending anyway.
                }
            }));
        }
        return FelixContainer.options("atelier.it.bundle",
                systemProperty(ENDPOINT_PROPERTY).value(s3.endpoint().toString()));
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiAndTheJdkFromOutside() {
        Bundle bundle = storageBundle();

        assertActive(bundle);
        assertWiredOnlyTo(bundle, FelixContainer.PLATFORM_API_SYMBOLIC_NAME);
        assertImportsMention(bundle, "dev.atelier.spi.storage");
        assertImportsNone(bundle, "org.slf4j", "software.amazon");
        assertExportsNothing(bundle);
    }

    @Test
    public void registersTheBackendUnderTheIdS3() throws Exception {
        onlyServiceReference(context, StorageBackend.class, "atelier.storage.id", "s3", SYMBOLIC_NAME);
    }

    @Test
    public void declaresItsSettingsAndAmazonAsTheProcessorThroughTheService() {
        PluginDescription description = backend.description();

        assertEquals("Amazon Web Services, Inc.", description.disclosures().get(0).processor());
        assertTrue(description.settings().setting("secret_access_key").orElseThrow().isSecret());
        assertEquals(List.of(), description.settings().check(s3Config()));
        assertEquals("Cloudflare R2", description.disclosuresFor(Map.of("display_name", "Cloudflare R2")).get(0)
                .displayName());
    }

    @Test
    public void storesReadsSignsAndDeletesThroughTheEmbeddedSdk() throws Exception {
        byte[] content = "hello from the container".getBytes(StandardCharsets.UTF_8);
        TenantContext tenant = TestTenantContext.withConfig(s3Config());
        String key = "tnt_it/outputs/hello.txt";
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        // A caller that is not the host sets no useful context class loader; the backend must not depend on it.
        Thread.currentThread().setContextClassLoader(null);
        try {
            StoredObject stored = backend.put(key, new ByteArrayInputStream(content), content.length, "text/plain",
                    tenant);
            assertEquals(content.length, stored.size());
            try (InputStream in = backend.get(key, tenant)) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals("text/plain", backend.stat(key, tenant).orElseThrow().contentType());

            URI url = backend.readUrl(key, Duration.ofMinutes(5), tenant).orElseThrow();
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            assertEquals(200, connection.getResponseCode());
            try (InputStream in = connection.getInputStream()) {
                assertArrayEquals(content, in.readAllBytes());
            }

            assertTrue(backend.delete(key, tenant));
            assertFalse(backend.exists(key, tenant));
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
        }
    }

    private Bundle storageBundle() {
        return installedBundle(context, SYMBOLIC_NAME);
    }

    /** Settings that reach the S3Proxy the build started for these tests. */
    private static Map<String, String> s3Config() {
        return Map.of(
                "bucket", S3ProxyServer.BUCKET,
                "endpoint", FelixContainer.required(ENDPOINT_PROPERTY),
                "path_style", "true",
                "access_key_id", S3ProxyServer.ACCESS_KEY,
                "secret_access_key", S3ProxyServer.SECRET_KEY);
    }
}
