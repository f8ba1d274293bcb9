package dev.atelier.web.site;

import dev.atelier.web.site.admin.TenantPlugins;
import dev.atelier.web.site.admin.AdminResource;
import dev.atelier.web.site.admin.BrandingForms;
import dev.atelier.web.site.assets.BrandAssetResource;
import dev.atelier.web.site.assets.BrandAssets;
import dev.atelier.web.site.assets.StaticFiles;
import dev.atelier.web.site.assets.StaticResource;
import dev.atelier.web.site.mail.MailComposer;
import dev.atelier.web.site.pages.PageCache;
import dev.atelier.web.site.pages.PageModels;
import dev.atelier.web.site.pages.PageRenderer;
import dev.atelier.web.site.pages.SiteNotFoundMapper;
import dev.atelier.web.site.pages.SitePagesResource;
import dev.atelier.web.site.theme.TemplateError;
import dev.atelier.web.site.theme.TemplateErrors;
import dev.atelier.web.site.theme.ThemeEngine;
import dev.atelier.web.site.theme.Themes;
import jakarta.servlet.Filter;
import java.util.List;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/** Wires the tenant sites into a Jersey application: resolution, pages, static files, brand files, admin. */
public final class SiteFeature {

    private final SiteSetup setup;
    private final Themes themes;
    private final ThemeEngine engine;
    private final TemplateErrors errors = new TemplateErrors();
    private final StaticFiles staticFiles;
    private final BrandAssets brandAssets;
    private final PageCache pageCache = new PageCache();
    private final MailComposer mailComposer;
    private DeployedPlugins plugins;

    public SiteFeature(SiteSetup setup) {
        this.setup = setup;
        this.themes = new Themes(setup.themesDir());
        if (!themes.exists(Themes.DEFAULT)) {
            throw new IllegalArgumentException("The themes folder " + setup.themesDir() + " has no default/ theme");
        }
        this.engine = new ThemeEngine(themes, setup.data(), errors);
        this.staticFiles = new StaticFiles(themes);
        this.brandAssets = new BrandAssets(setup.data());
        this.mailComposer = new MailComposer(engine, themes);
    }

    /** Renders a tenant's transactional email through its theme chain; hand it to the account flows. */
    public MailComposer mailComposer() {
        return mailComposer;
    }

    /** Drops what is cached for a tenant (compiled templates, recorded errors); caches also follow updatedAt. */
    public void tenantChanged(String tenantId) {
        engine.invalidate(tenantId);
    }

    /** The template errors recorded for a tenant, newest first (what its admin area lists). */
    public List<TemplateError> templateErrors(String tenantId) {
        return errors.of(tenantId);
    }

    /**
     * The servlet filter that answers recently rendered pages before Jersey; install it in front of the Jersey
     * servlet. Call after {@link #registerIn}.
     */
    public Filter cachedPages() {
        if (plugins == null) {
            throw new IllegalStateException("registerIn must be called first");
        }
        return new CachedPageFilter(setup.tenants(), pageCache, plugins);
    }

    public void registerIn(ResourceConfig config, DeployedPlugins plugins) {
        this.plugins = plugins;
        PageRenderer pages = new PageRenderer(engine,
                new PageModels(themes, staticFiles, brandAssets, plugins.models()), pageCache);
        config.register(TenantResolutionFilter.class);
        config.register(SiteNotFoundMapper.class);
        config.register(SitePagesResource.class);
        config.register(StaticResource.class);
        config.register(BrandAssetResource.class);
        config.register(AdminResource.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(setup).to(SiteSetup.class);
                bind(pages).to(PageRenderer.class);
                bind(staticFiles).to(StaticFiles.class);
                bind(brandAssets).to(BrandAssets.class);
                bind(new TenantPlugins(plugins)).to(TenantPlugins.class);
                bind(new BrandingForms(themes, errors, setup.branding())).to(BrandingForms.class);
            }
        });
    }
}
