package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantTemplates;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.PlatformServices;
import dev.atelier.legal.documents.TenantProcessors;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.plugins.TenantPluginDescriptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Builds the legal documents service, for the platform and for {@code atelier legal render} alike. */
final class LegalWiring {

    private LegalWiring() {}

    /** The platform services the operator's configuration names ({@code atelier.legal.*}). */
    static PlatformServices platformServices(AtelierConfig config) {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("authentication", config.get(Keys.LEGAL_AUTHENTICATION));
        declared.put("hosting", config.get(Keys.LEGAL_HOSTING));
        declared.put("database", config.get(Keys.LEGAL_DATABASE));
        declared.put("rate_limiting", config.get(Keys.LEGAL_RATE_LIMITING));
        declared.put("email", config.get(Keys.LEGAL_EMAIL));
        return PlatformServices.of(declared);
    }

    /** The tenant's stored templates by name, as the legal documents read them. */
    static Map<String, String> templates(TenantTemplates templates, Tenant tenant) {
        Map<String, String> byName = new LinkedHashMap<>();
        templates.all(tenant.id()).forEach(template -> byName.put(template.name(), template.source()));
        return byName;
    }

    /**
     * The service over {@code host}'s renderers and plugin descriptions.
     *
     * @param templatesOf a tenant's own templates by name
     */
    static LegalDocuments documents(PluginHost host, PlatformServices services,
            Function<Tenant, Map<String, String>> templatesOf) {
        return new LegalDocuments(host.plugins(PluginKinds.LEGAL_RENDERERS),
                new TenantProcessors(services, new TenantPluginDescriptions(host.kinds(), host.descriptions())),
                templatesOf);
    }
}
