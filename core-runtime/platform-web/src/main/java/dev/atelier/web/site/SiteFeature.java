package dev.atelier.web.site;

import dev.atelier.generation.GenerationModule;
import dev.atelier.web.auth.AccountApiResource;
import dev.atelier.web.auth.NewAccounts;
import dev.atelier.web.generations.CreditsResource;
import dev.atelier.web.generations.EventStreams;
import dev.atelier.web.generations.GenerationCallbacksResource;
import dev.atelier.web.generations.GenerationPagesResource;
import dev.atelier.web.generations.GenerationsResource;
import dev.atelier.web.generations.MediaResource;
import dev.atelier.web.generations.UploadsResource;
import dev.atelier.web.site.pages.StaticCreationPagesResource;
import dev.atelier.web.auth.AccountEmailResource;
import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.InvalidAccountInputMapper;
import dev.atelier.web.auth.AccountMail;
import dev.atelier.web.auth.AccountResource;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthApiResource;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.AuthenticationFilter;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.EmailVerificationResource;
import dev.atelier.web.auth.GoogleSignInResource;
import dev.atelier.web.auth.Links;
import dev.atelier.web.auth.PasswordResetResource;
import dev.atelier.web.auth.SignInResource;
import dev.atelier.web.auth.SignIns;
import dev.atelier.web.auth.SignUpResource;
import dev.atelier.web.auth.Throttle;
import dev.atelier.web.auth.Visitors;
import dev.atelier.web.operator.OperatorConsoleResource;
import dev.atelier.web.site.admin.TenantPlugins;
import dev.atelier.web.site.admin.AdminModelsResource;
import dev.atelier.web.site.admin.AdminPluginsResource;
import dev.atelier.web.site.admin.AdminResource;
import dev.atelier.web.site.admin.AdminUsersResource;
import dev.atelier.web.site.admin.ModelForms;
import dev.atelier.web.site.admin.BrandingForms;
import dev.atelier.web.site.assets.BrandAssetResource;
import dev.atelier.web.site.assets.BrandAssets;
import dev.atelier.web.site.assets.BrandStyleResource;
import dev.atelier.web.site.assets.StaticFiles;
import dev.atelier.web.site.assets.StaticResource;
import dev.atelier.web.site.mail.MailComposer;
import dev.atelier.web.http.ErrorPages;
import dev.atelier.web.site.pages.BillingPageResource;
import dev.atelier.web.site.pages.PageCache;
import dev.atelier.web.site.pages.PageModels;
import dev.atelier.web.site.pages.PageRenderer;
import dev.atelier.web.site.pages.SiteClientErrorMapper;
import dev.atelier.web.site.pages.SitePagesResource;
import dev.atelier.web.site.theme.TemplateError;
import dev.atelier.web.site.theme.TemplateErrors;
import dev.atelier.web.site.theme.ThemeEngine;
import dev.atelier.web.site.theme.Themes;
import jakarta.servlet.Filter;
import java.util.List;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/** Wires the tenant sites into a Jersey application: resolution, authentication, pages, accounts, static files, admin. */
public final class SiteFeature {

    private final SiteSetup setup;
    private final Themes themes;
    private final ThemeEngine engine;
    private final TemplateErrors errors = new TemplateErrors();
    private final StaticFiles staticFiles;
    private final BrandAssets brandAssets;
    private final PageCache pageCache = new PageCache();
    private final MailComposer mailComposer;
    private final EventStreams eventStreams;
    private final Links links;
    private DeployedPlugins plugins;
    private PageRenderer pages;

    /** Sites whose mailed links go where the {@code local} profile sends them: {@code <slug>.localhost:<port>}. */
    public SiteFeature(SiteSetup setup) {
        this(setup, EventStreams.Limits.defaults(), new Links(true, false, "localhost"));
    }

    /**
     * @param streams caps on open progress event streams (per account, per client address, lifetime)
     * @param links builds the links put in mail, from each tenant's configured host
     */
    public SiteFeature(SiteSetup setup, EventStreams.Limits streams, Links links) {
        this.setup = setup;
        this.eventStreams = new EventStreams(streams);
        this.links = links;
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

    /**
     * The themed error pages the web server shows for errors it answers before Jersey (400, 413, 414, 431...).
     * Call after {@link #registerIn}.
     */
    public ErrorPages errorPages() {
        if (pages == null) {
            throw new IllegalStateException("registerIn must be called first");
        }
        return (host, path, status, title, detail) -> setup.tenants().byHost(Hosts.normalize(host))
                .map(tenant -> pages.error(tenant, path, status, title, detail).getEntity())
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    /**
     * Registers the sites, the account pages and request authentication.
     *
     * @param accounts the account services every site's sign-in, account and admin pages use
     */
    public void registerIn(ResourceConfig config, DeployedPlugins plugins, AccountServices accounts) {
        registerIn(config, plugins, accounts, null, NewAccounts.none());
    }

    /**
     * Registers the sites with generation (create, gallery, the generations, uploads and credits API, media links).
     *
     * @param generation null to serve {@code /create} and {@code /gallery} as static theme pages (site tests)
     * @param newAccounts what else happens when an account is created (the sign-up credit bonus)
     */
    public void registerIn(ResourceConfig config, DeployedPlugins plugins, AccountServices accounts,
            GenerationModule generation, NewAccounts newAccounts) {
        this.plugins = plugins;
        CsrfTokens csrf = new CsrfTokens(accounts.secrets());
        pages = new PageRenderer(engine,
                new PageModels(themes, staticFiles, brandAssets, plugins.models()), pageCache, new Visitors(csrf));
        AuthPages authPages = new AuthPages(pages);
        config.register(TenantResolutionFilter.class);
        config.register(AuthenticationFilter.class);
        config.register(SignInResource.class);
        config.register(SignUpResource.class);
        config.register(PasswordResetResource.class);
        config.register(EmailVerificationResource.class);
        config.register(AccountEmailResource.class);
        config.register(GoogleSignInResource.class);
        config.register(AccountResource.class);
        config.register(AccountApiResource.class);
        config.register(AuthApiResource.class);
        config.register(OperatorConsoleResource.class);
        config.register(SiteClientErrorMapper.class);
        config.register(InvalidAccountInputMapper.class);
        config.register(SitePagesResource.class);
        if (generation == null) {
            config.register(StaticCreationPagesResource.class);
        } else {
            config.register(GenerationPagesResource.class);
            config.register(GenerationsResource.class);
            config.register(UploadsResource.class);
            config.register(CreditsResource.class);
            config.register(MediaResource.class);
            config.register(GenerationCallbacksResource.class);
            config.register(AdminUsersResource.class);
            if (setup.models() != null) {
                config.register(AdminModelsResource.class);
            }
        }
        config.register(BillingPageResource.class);
        config.register(StaticResource.class);
        config.register(BrandAssetResource.class);
        config.register(BrandStyleResource.class);
        config.register(AdminResource.class);
        config.register(AdminPluginsResource.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(setup).to(SiteSetup.class);
                bind(pages).to(PageRenderer.class);
                bind(accounts).to(AccountServices.class);
                if (generation != null) {
                    bind(generation).to(GenerationModule.class);
                    bind(eventStreams).to(EventStreams.class);
                    if (setup.models() != null) {
                        bind(new ModelForms(plugins.models(), setup.models())).to(ModelForms.class);
                    }
                }
                bind(csrf).to(CsrfTokens.class);
                bind(authPages).to(AuthPages.class);
                bind(new AccountFlows(accounts, authPages, csrf, new SignIns(accounts.sessions(), accounts.cookies()),
                        new Throttle(accounts.rateLimiter()), new AccountMail(mailComposer, accounts.outbox()), links,
                        newAccounts)).to(AccountFlows.class);
                bind(staticFiles).to(StaticFiles.class);
                bind(brandAssets).to(BrandAssets.class);
                bind(new TenantPlugins(plugins)).to(TenantPlugins.class);
                bind(new TenantPluginDescriptions(plugins.kinds(), plugins.descriptions())).to(TenantPluginDescriptions.class);
                bind(new BrandingForms(themes, errors, setup.branding())).to(BrandingForms.class);
            }
        });
    }
}
