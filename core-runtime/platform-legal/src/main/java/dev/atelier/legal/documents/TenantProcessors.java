package dev.atelier.legal.documents;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.plugins.DescribedPlugin;
import dev.atelier.plugins.TenantPluginDescriptions;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who processes personal data for a tenant, computed from what it really uses right now: the operator's platform
 * services, Google when the tenant offers Google sign-in, and the disclosures of every plugin it binds (payment,
 * storage, bot protection, models...) as the deployed plugins declare them. Never typed by hand, so a policy cannot
 * forget a processor the tenant switched on.
 */
public final class TenantProcessors {

    /** Google, when a tenant offers "Sign in with Google": it learns who signs in. */
    static final DataProcessorDisclosure GOOGLE_SIGN_IN = new DataProcessorDisclosure("Google LLC", "Google",
            Set.of(DataCategory.ACCOUNT_DETAILS, DataCategory.TECHNICAL_DATA),
            "Lets people sign in with their Google account", "United States",
            URI.create("https://policies.google.com/privacy"));

    private final PlatformServices platform;
    private final TenantPluginDescriptions plugins;

    /**
     * @param platform the services the operator's configuration names
     * @param plugins the plugins each tenant binds, with the descriptions of those deployed right now
     */
    public TenantProcessors(PlatformServices platform, TenantPluginDescriptions plugins) {
        this.platform = platform;
        this.plugins = plugins;
    }

    /**
     * The tenant's processors: an outside authentication service, sign-in providers, then the plugins' processors by
     * section (as tenant.yaml orders them), then hosting, database, rate limiting and email. Each disclosure once.
     */
    public List<DisclosedProcessor> of(Tenant tenant) {
        LinkedHashSet<DisclosedProcessor> all = new LinkedHashSet<>();
        platform.processors().stream().filter(p -> p.role().equals("authentication")).forEach(all::add);
        TenantSettings settings = tenant.settings();
        if (settings != null && settings.signIn() != null && settings.signIn().google()) {
            all.add(new DisclosedProcessor("sign_in", GOOGLE_SIGN_IN));
        }
        for (DescribedPlugin plugin : plugins.of(tenant)) {
            plugin.disclosures().forEach(d -> all.add(new DisclosedProcessor(plugin.section(), d)));
        }
        platform.processors().stream().filter(p -> !p.role().equals("authentication")).forEach(all::add);
        return new ArrayList<>(all);
    }
}
