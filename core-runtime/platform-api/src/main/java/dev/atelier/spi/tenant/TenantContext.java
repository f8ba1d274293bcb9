package dev.atelier.spi.tenant;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who a plugin call is made for. The host creates one per call; plugins read it and never keep it.
 *
 * <p>Implemented by the host. Plugins only call it.
 */
@ProviderType
public interface TenantContext {

    /** Opaque, stable id of the tenant (for example {@code tnt_01J...}). Never empty. */
    String tenantId();

    /** Short, human-readable name of the tenant used in host names and logs (for example {@code auratuner}). */
    String tenantSlug();

    /**
     * The configuration the tenant's admin set for the plugin being called, keyed by the names the plugin declared.
     * Secret values are decrypted. Empty when the plugin declares no configuration or the tenant set none.
     *
     * @return an unmodifiable map; never {@code null}
     */
    Map<String, String> pluginConfig();

    /** One value of {@link #pluginConfig()}, if set and not blank. */
    default Optional<String> pluginConfig(String key) {
        String value = pluginConfig().get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** An id that ties this call to the request or job that caused it; put it in log lines. */
    String correlationId();
}
