package dev.atelier.launcher.isolation;

import dev.atelier.launcher.DemoPlatform;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every tenant-owned endpoint, checked with {@link TenantIsolationKit} both ways between the demo tenants. */
class CrossTenantIsolationTest {

    private static DemoPlatform platform;
    private static TenantIsolationKit kit;

    @BeforeAll
    static void start() throws Exception {
        platform = DemoPlatform.start();
        kit = new TenantIsolationKit(platform);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    /** A tenant's logo, uploaded with its folder, served at a content-hashed address. */
    private static final TenantIsolationKit.Endpoint BRAND_LOGO = new TenantIsolationKit.Endpoint() {
        private final Pattern logo = Pattern.compile("/brand/[0-9a-f]{64}\\.(svg|png)");

        @Override
        public String name() {
            return "brand logo";
        }

        @Override
        public String createIn(DemoPlatform platform, String host) throws Exception {
            Matcher m = logo.matcher(platform.get(host, "/").body());
            if (!m.find()) {
                throw new AssertionError("no logo address on the landing page of " + host);
            }
            return m.group();
        }
    };

    @Test
    void auratunersLogoIsInvisibleFromTheSecondTenant() throws Exception {
        kit.assertIsolated(BRAND_LOGO, "auratuner.localhost", platform.secondTenantSlug() + ".localhost");
    }

    @Test
    void secondTenantsLogoIsInvisibleFromAuratuner() throws Exception {
        kit.assertIsolated(BRAND_LOGO, platform.secondTenantSlug() + ".localhost", "auratuner.localhost");
    }
}
