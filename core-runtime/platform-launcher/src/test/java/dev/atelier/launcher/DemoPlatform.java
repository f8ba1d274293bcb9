package dev.atelier.launcher;

import dev.atelier.launcher.platform.TestPlatform;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The demo platform ({@link TestPlatform#demo()}) as the isolation kit addresses it; new tests use
 * {@link TestPlatform} directly.
 */
public final class DemoPlatform implements AutoCloseable {

    private final TestPlatform platform;

    private DemoPlatform(TestPlatform platform) {
        this.platform = platform;
    }

    public static DemoPlatform start() throws Exception {
        return start(Map.of());
    }

    /** Like {@link #start()}, with extra configuration keys. */
    public static DemoPlatform start(Map<String, String> settings) throws Exception {
        var builder = TestPlatform.demo();
        settings.forEach(builder::set);
        return new DemoPlatform(builder.start());
    }

    /** The one test platform underneath. */
    public TestPlatform platform() {
        return platform;
    }

    public int port() {
        return platform.port();
    }

    public Atelier atelier() {
        return platform.atelier();
    }

    /** The demo tenant that is not AuraTuner. */
    public String secondTenantSlug() {
        return platform.secondDemoTenant();
    }

    public String tenantId(String slug) {
        return platform.tenantId(slug);
    }

    /** Makes {@code email} a signed-in admin of tenant {@code slug}; returns the session cookie's value. */
    public String signedInAdmin(String slug, String email) {
        return platform.accounts().signedInAdmin(slug, email);
    }

    public HttpResponse<String> get(String host, String path) throws IOException, InterruptedException {
        return platform.get(host, path);
    }

    /** A GET on {@code host} by the browser holding the session cookie {@code session}. */
    public HttpResponse<String> get(String host, String path, String session)
            throws IOException, InterruptedException {
        return platform.get(host, path, session);
    }

    public HttpResponse<byte[]> getBytes(String host, String path) throws IOException, InterruptedException {
        return platform.getBytes(host, path);
    }

    @Override
    public void close() {
        platform.close();
    }
}
