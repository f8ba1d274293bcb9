package dev.atelier.web.pages;

import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.generation.Pricing;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.web.assets.BrandAssets;
import dev.atelier.web.assets.StaticFiles;
import dev.atelier.web.theme.Themes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data every page template receives (see the tenant contract): tenant, brand, plans, models, signIn, ...
 *
 * @param themes the installed themes, for the theme a tenant's branding names
 * @param files the themes' static files, for the {@code asset} method of templates
 * @param brandAssets the tenants' uploaded logos and favicons
 * @param registry the deployed models, for the model list pages offer
 */
public record PageModels(Themes themes, StaticFiles files, BrandAssets brandAssets, ModelRegistry registry) {

    static final Branding.Colors DEFAULT_COLORS =
            new Branding.Colors("#4f46e5", "#ffffff", "#0ea5e9", "#ffffff", "#f6f6fb", "#1d1b26", "#6b6880");
    static final Branding.Fonts DEFAULT_FONTS = new Branding.Fonts("system-ui, sans-serif", "system-ui, sans-serif");

    /** The deployed-model list this model was built from; a new instance whenever bundles come or go. */
    public Object modelSnapshot() {
        return registry.list();
    }

    /** A fresh, mutable model for one page of {@code tenant}. */
    public Map<String, Object> of(Tenant tenant, String path, String title) {
        Branding branding = tenant.branding();
        String theme = themes.effective(branding == null ? null : branding.theme());
        TenantSettings settings = tenant.settings();
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", tenant(tenant));
        Map<String, Object> brand = brand(theme, branding, brandAssets.logoUrl(tenant).orElse(null),
                brandAssets.faviconUrl(tenant).orElse(null));
        brand.put("logoWordmark", brandAssets.logoIsWordmark(tenant));
        model.put("brand", brand);
        model.put("plans", settings == null ? List.of() : settings.plans().stream()
                .filter(plan -> !plan.archived()).map(PageModels::plan).toList());
        model.put("models", settings == null ? List.of() : settings.models().stream().map(this::model).toList());
        model.put("signIn", Map.of("google", settings != null && settings.signIn() != null && settings.signIn().google()));
        model.put("legal", legal(settings == null ? null : settings.legal()));
        model.put("page", page(path, title));
        model.put("user", null);
        model.put("asset", new AssetMethod(files, theme));
        return model;
    }

    private static Map<String, Object> tenant(Tenant tenant) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("slug", tenant.slug());
        map.put("name", tenant.displayName());
        map.put("tagline", tenant.branding() == null ? null : tenant.branding().tagline());
        map.put("supportEmail", tenant.supportEmail());
        return map;
    }

    /** The {@code brand} map; also used for the admin preview with unsaved values. */
    public static Map<String, Object> brand(String theme, Branding branding, String logoUrl, String faviconUrl) {
        Branding.Colors c = branding == null || branding.colors() == null ? DEFAULT_COLORS : branding.colors();
        Branding.Fonts f = branding == null || branding.fonts() == null ? DEFAULT_FONTS : branding.fonts();
        Map<String, Object> colors = new LinkedHashMap<>();
        colors.put("primary", c.primary());
        colors.put("onPrimary", c.onPrimary());
        colors.put("accent", c.accent());
        colors.put("background", c.background());
        colors.put("surface", c.surface());
        colors.put("text", c.text());
        colors.put("muted", c.muted());
        Map<String, Object> fonts = new LinkedHashMap<>();
        fonts.put("heading", f.heading());
        fonts.put("body", f.body());
        Map<String, Object> brand = new LinkedHashMap<>();
        brand.put("theme", theme);
        brand.put("logoUrl", logoUrl);
        brand.put("faviconUrl", faviconUrl);
        brand.put("colors", colors);
        brand.put("fonts", fonts);
        return brand;
    }

    private static Map<String, Object> plan(TenantSettings.Plan plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", plan.id());
        map.put("name", plan.name());
        map.put("price", Prices.format(plan.priceMinor(), plan.currency()));
        map.put("interval", plan.interval());
        map.put("credits", plan.credits());
        map.put("features", plan.features());
        map.put("highlighted", plan.highlighted());
        map.put("subscription", plan.isSubscription());
        return map;
    }

    private Map<String, Object> model(TenantSettings.ModelOffer offer) {
        Optional<ModelInfo> deployed = registry.find(offer.modelId());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", offer.modelId());
        map.put("name", deployed.map(m -> m.descriptor().name()).orElse(offer.modelId()));
        map.put("description", deployed.map(m -> m.descriptor().description()).orElse(null));
        // Steps count only for a deployed model that has the size or length they are measured in.
        Optional<Pricing> pricing = deployed.map(m -> Pricing.of(offer, m.descriptor()));
        Long credits = pricing.map(Pricing::base).orElse(offer.credits() == null ? null : (long) offer.credits());
        map.put("credits", credits);
        map.put("minCredits", pricing.map(Pricing::lowest).orElse(credits));
        map.put("maxCredits", pricing.map(Pricing::highest).orElse(credits));
        map.put("creditsBy", pricing.filter(p -> !p.steps().isEmpty())
                .map(p -> p.steps().get(0).unit() == PriceStep.Unit.DURATION ? "length" : "size").orElse(null));
        map.put("creditSteps", pricing.map(p -> p.steps().stream()
                .map(step -> Map.<String, Object>of("upTo", step.upTo(), "credits", step.credits())).toList())
                .orElse(List.of()));
        map.put("available", deployed.isPresent());
        map.put("mediaKind", deployed.map(m -> String.valueOf(m.descriptor().output())).orElse(null));
        return map;
    }

    private static Map<String, Object> legal(TenantSettings.LegalFacts facts) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("companyName", facts == null ? null : facts.companyName());
        map.put("address", facts == null ? null : facts.address());
        map.put("contactEmail", facts == null ? null : facts.contactEmail());
        map.put("jurisdiction", facts == null ? null : facts.jurisdiction());
        return map;
    }

    private static Map<String, Object> page(String path, String title) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path);
        map.put("title", title);
        return map;
    }
}
