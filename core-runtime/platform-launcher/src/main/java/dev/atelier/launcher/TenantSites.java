package dev.atelier.launcher;

import dev.atelier.core.tenants.BrandingUpdate;
import dev.atelier.core.tenants.LogoUpload;
import dev.atelier.core.tenants.PluginSettingsUpdate;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.web.tenant.BrandingStore;
import dev.atelier.web.tenant.ModelOffersStore;
import dev.atelier.web.tenant.PlansStore;
import dev.atelier.web.tenant.PluginSettingsStore;
import dev.atelier.web.tenant.TemplatesStore;
import dev.atelier.web.tenant.TenantAsset;
import dev.atelier.web.tenant.TenantSiteData;
import java.util.List;
import dev.atelier.core.db.DatabaseOutage;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Gives the web layer's tenant sites what they need from the tenant module: assets, template overrides, branding,
 * models and prices, plugin settings, plans, edited templates.
 */
final class TenantSites implements TenantSiteData, BrandingStore, ModelOffersStore, PluginSettingsStore,
        PlansStore, TemplatesStore {

    private final TenantModule tenants;

    TenantSites(TenantModule tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<TenantAsset> asset(String tenantId, String assetId) {
        return tenants.assets().find(tenantId, assetId)
                .map(a -> new TenantAsset(a.contentType(), a.bytes(), a.sha256()));
    }

    @Override
    public Optional<String> template(String tenantId, String name) {
        return tenants.templates().find(tenantId, name).map(t -> t.source());
    }

    @Override
    public boolean hasTemplates(String tenantId) {
        try {
            return tenants.templates().hasAny(tenantId);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // While the database is away the theme's own templates still render the "temporarily unavailable" page.
            return false;
        }
    }

    @Override
    public void save(String tenantId, List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits) {
        tenants.admin().updateModels(byId(tenantId).slug(), offers, limits);
    }

    @Override
    public void save(String tenantId, dev.atelier.web.tenant.BrandingUpdate update) {
        Tenant tenant = byId(tenantId);
        tenants.admin().updateBranding(tenant.slug(), new BrandingUpdate(update.name(), update.tagline(),
                update.theme(), update.colors(), update.fonts()), upload(update.logo()), upload(update.favicon()));
    }

    private static LogoUpload upload(dev.atelier.web.tenant.BrandingUpdate.Logo image) {
        return image == null ? null : new LogoUpload(image.bytes(), image.contentType());
    }

    @Override
    public void save(String tenantId, PluginSettingsUpdate update) {
        tenants.admin().updatePluginSettings(byId(tenantId).slug(), update);
    }

    @Override
    public void save(String tenantId, UnaryOperator<List<TenantSettings.Plan>> edit) {
        tenants.admin().updatePlans(byId(tenantId).slug(), edit);
    }

    @Override
    public void save(String tenantId, String name, String source) {
        tenants.admin().updateTemplate(byId(tenantId).slug(), name, source);
    }

    private Tenant byId(String tenantId) {
        return tenants.directory().byId(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
    }
}
