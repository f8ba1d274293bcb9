package dev.atelier.plugins;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import java.util.HashMap;
import java.util.Map;

/** A tenant's plugin choices ({@code storage: {plugin: s3, config: ...}} in tenant.yaml) as the plugin host binds them. */
public final class TenantBindings {

    private TenantBindings() {}

    /** The plugins {@code tenant} bound, by kind key. */
    public static PluginBindings of(Tenant tenant) {
        Map<String, PluginBinding> byKind = new HashMap<>();
        TenantSettings settings = tenant.settings();
        if (settings != null) {
            settings.plugins().forEach((key, choice) -> byKind.put(key, new PluginBinding(choice.plugin(),
                    choice.config())));
        }
        return new PluginBindings(tenant.id(), tenant.slug(), byKind);
    }
}
