package dev.atelier.plugins;

import dev.atelier.spi.tenant.TenantContext;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin of one kind that one tenant bound, with the tenant's settings for it. Every call goes through the kind's
 * {@link PluginRegistry#call registry} and hands the plugin a {@link TenantContext} with the tenant, its settings and
 * the caller's {@link Correlation} id, so plugins keep no tenant state.
 *
 * @param <S> the kind's SPI interface
 */
public final class BoundPlugin<S> {

    private final PluginRegistry<S, ?> registry;
    private final String plugin;
    private final Map<String, String> config;
    private final String tenantId;
    private final String tenantSlug;

    BoundPlugin(PluginRegistry<S, ?> registry, String plugin, Map<String, String> config, String tenantId,
            String tenantSlug) {
        this.registry = registry;
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.config = Map.copyOf(config);
        this.tenantId = tenantId;
        this.tenantSlug = tenantSlug;
    }

    /** Binds {@code bindings}' choice for {@code registry}'s kind, or the kind's default plugin. */
    public static <S> Optional<BoundPlugin<S>> of(PluginRegistry<S, ?> registry, PluginBindings bindings) {
        PluginKind<S, ?> kind = registry.kind();
        PluginBinding chosen = bindings.of(kind)
                .or(() -> Optional.ofNullable(kind.defaultPlugin()).map(id -> new PluginBinding(id, Map.of())))
                .orElse(null);
        return Optional.ofNullable(chosen).map(binding -> new BoundPlugin<>(registry, binding.plugin(),
                binding.config(), bindings.tenantId(), bindings.tenantSlug()));
    }

    /** The plugin's id, for example {@code s3}. */
    public String plugin() {
        return plugin;
    }

    /** The tenant's settings for the plugin. */
    public Map<String, String> config() {
        return config;
    }

    /** Whether a bundle serves the plugin right now. */
    public boolean available() {
        return registry.find(plugin).isPresent();
    }

    /** Calls the plugin on the caller's thread; see {@link PluginRegistry#call}. */
    public <R> R call(TenantCall<S, R> call) throws PluginCallException {
        return call(null, call);
    }

    /** Calls the plugin, waiting at most until {@code deadline} when it is not null; see {@link PluginRegistry#call}. */
    public <R> R call(Instant deadline, TenantCall<S, R> call) throws PluginCallException {
        // Read inside the call: the registry makes the caller's correlation id current there, also on a worker thread.
        return registry.call(plugin, deadline, service -> call.call(service,
                new CallTenant(tenantId, tenantSlug, config, Correlation.current())));
    }

    /**
     * Plugin code that gets the tenant as the plugin sees it.
     *
     * @param <S> the kind's SPI interface
     * @param <R> what the call returns
     */
    @FunctionalInterface
    public interface TenantCall<S, R> {
        R call(S service, TenantContext tenant) throws Exception;
    }

    private record CallTenant(String tenantId, String tenantSlug, Map<String, String> pluginConfig,
            String correlationId) implements TenantContext {}
}
