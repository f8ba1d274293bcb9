package dev.atelier.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where mailed links point, whatever host and port a request named. */
class LinksTest {

    private static final Tenant AURATUNER = new Tenant("tnt_1", "auratuner", "AuraTuner", TenantStatus.ACTIVE,
            "support@auratuner.com", List.of("auratuner.com", "auratuner.atelier.test", "www.auratuner.com"), null,
            null, Instant.EPOCH);

    @Test
    void outsideTheLocalProfileMailedLinksUseTheCanonicalHostOverHttpsWithNoPort() {
        Links links = new Links(false, false, "atelier.test");

        assertThat(links.forMail(AURATUNER, 8443, "/reset/confirm?token=abc"))
                .isEqualTo("https://auratuner.com/reset/confirm?token=abc");
    }

    @Test
    void onTheLocalProfileMailedLinksUseTheTenantsBaseDomainHostAndTheServersOwnPort() {
        assertThat(new Links(true, false, "atelier.test").forMail(AURATUNER, 9090, "/verify?token=x"))
                .isEqualTo("http://auratuner.atelier.test:9090/verify?token=x");
        assertThat(new Links(true, true, "localhost").forMail(AURATUNER, 9090, "/verify?token=x"))
                .isEqualTo("https://auratuner.localhost:9090/verify?token=x");
    }
}
