package dev.atelier.spi.testkit;

import dev.atelier.spi.tenant.TenantContext;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TenantContext} for tests: a fixed tenant id, slug, plugin configuration and correlation id.
 *
 * <pre>{@code
 * TenantContext tenant = TestTenantContext.withConfig(Map.of("api_key", "test-key"));
 * }</pre>
 *
 * @param tenantId opaque tenant id, never empty
 * @param tenantSlug short tenant name
 * @param pluginConfig the configuration a tenant admin would have set for the plugin under test
 * @param correlationId id tying the call to a request or job
 */
public record TestTenantContext(String tenantId, String tenantSlug, Map<String, String> pluginConfig,
        String correlationId) implements TenantContext {

    /** Copies {@code pluginConfig}, so the record stays immutable like the host's contexts. */
    public TestTenantContext {
        if (tenantId == null || tenantId.isEmpty()) {
            throw new IllegalArgumentException("tenantId must not be empty");
        }
        Objects.requireNonNull(tenantSlug, "tenantSlug");
        pluginConfig = Map.copyOf(pluginConfig);
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The tenant {@code tnt_test} ({@code test}) with no plugin configuration. */
    public static TestTenantContext defaults() {
        return withConfig(Map.of());
    }

    /** The tenant {@code tnt_test} ({@code test}) with the given plugin configuration. */
    public static TestTenantContext withConfig(Map<String, String> pluginConfig) {
        return new TestTenantContext("tnt_test", "test", pluginConfig, "req_test");
    }
}
