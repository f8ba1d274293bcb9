package dev.atelier.web.tenant;

import dev.atelier.core.tenants.TenantDirectory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the tenant sites need from the rest of the platform.
 *
 * @param tenants finds the tenant of a request by its Host header
 * @param data tenant assets and template overrides
 * @param branding saves the admin branding form
 * @param models saves the admin models form; {@code null} where generation is not wired (the admin area then has no
 *     models page)
 * @param pluginSettings saves the admin plugin settings form
 * @param plans saves the admin plans form
 * @param templates saves the templates edited in the admin area (legal documents)
 * @param themesDir the {@code themes/} folder ({@code <home>/themes}); must contain {@code default/}
 * @param operatorHost host name of the operator console ({@code atelier.operator-host}, default
 *     {@value #DEFAULT_OPERATOR_HOST}), which serves the start page at {@code /}
 */
public record SiteSetup(
        TenantDirectory tenants, TenantSiteData data, BrandingStore branding, Path themesDir, String operatorHost,
        ModelOffersStore models, PluginSettingsStore pluginSettings, PlansStore plans,
        TemplatesStore templates) {

    public static final String DEFAULT_OPERATOR_HOST = "operator.localhost";

    public SiteSetup {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(branding, "branding");
        Objects.requireNonNull(themesDir, "themesDir");
        Objects.requireNonNull(pluginSettings, "pluginSettings");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(templates, "templates");
        operatorHost = Hosts.normalize(operatorHost == null ? DEFAULT_OPERATOR_HOST : operatorHost);
    }
}
