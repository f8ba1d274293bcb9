package dev.atelier.web;

import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.LegalRecords;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.plugins.TenantPluginDescriptions;
import dev.atelier.web.assets.BrandAssets;
import dev.atelier.web.assets.StaticFiles;
import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AccountMail;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.AuthenticationFilter;
import dev.atelier.web.auth.SignedInPageFilter;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.InvalidAccountInputMapper;
import dev.atelier.web.auth.Links;
import dev.atelier.web.auth.NewAccounts;
import dev.atelier.web.auth.RateLimitedMapper;
import dev.atelier.web.auth.RateLimiterUnavailableMapper;
import dev.atelier.web.auth.SignIns;
import dev.atelier.web.auth.Throttle;
import dev.atelier.web.auth.Visitors;
import dev.atelier.web.bots.BotChallenges;
import dev.atelier.web.http.ErrorPages;
import dev.atelier.web.legal.AcceptanceGate;
import dev.atelier.web.legal.LegalStandings;
import dev.atelier.web.mail.MailComposer;
import dev.atelier.web.pages.CachedPageFilter;
import dev.atelier.web.pages.PageCache;
import dev.atelier.web.pages.PageModels;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.pages.ServerErrorMapper;
import dev.atelier.web.pages.SiteClientErrorMapper;
import dev.atelier.web.tenant.DeployedPlugins;
import dev.atelier.web.tenant.Hosts;
import dev.atelier.web.tenant.SiteSetup;
import dev.atelier.web.tenant.TenantResolutionFilter;
import dev.atelier.web.theme.TemplateError;
import dev.atelier.web.theme.TemplateErrors;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import jakarta.servlet.Filter;
import java.util.List;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What every boundary serving a tenant's host shares: the tenant found by Host, the signed-in person, CSRF tokens,
 * themes and the page renderer, transactional mail and the account flows (sign-up, verification, sign-in) that both
 * the JSON API and the site pages drive. The boundaries themselves ({@code ApiFeature}, {@code SiteFeature},
 * {@code OperatorFeature}) register their resources beside it in the same Jersey application.
 */
public final class TenantWeb {

    private final SiteSetup setup;
    private final Themes themes;
    private final ThemeEngine engine;
    private final TemplateErrors errors = new TemplateErrors();
    private final StaticFiles staticFiles;
    private final BrandAssets brandAssets;
    private final PageCache pageCache = new PageCache();
    private final MailComposer mailComposer;
    private final Links links;
    private DeployedPlugins plugins;
    private PageRenderer pages;
    private CsrfTokens csrf;
    private AccountServices accounts;
    private volatile LegalStandings standings;

    /** Sites whose mailed links go where the {@code local} profile sends them: {@code <slug>.localhost:<port>}. */
    public TenantWeb(SiteSetup setup) {
        this(setup, new Links(true, false, "localhost"));
    }

    /** @param links builds the links put in mail, from each tenant's configured host */
    public TenantWeb(SiteSetup setup, Links links) {
        this.setup = setup;
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

    public SiteSetup setup() {
        return setup;
    }

    /** The {@code themes/} folder's themes. */
    public Themes themes() {
        return themes;
    }

    /** Where template failures are recorded per tenant (the admin area lists them). */
    public TemplateErrors errors() {
        return errors;
    }

    /** The page renderer every boundary's pages use. Call after {@link #registerIn}. */
    public PageRenderer pages() {
        return registered(pages);
    }

    /** The anti-forgery tokens of every form. Call after {@link #registerIn}. */
    public CsrfTokens csrf() {
        return registered(csrf);
    }

    /** Renders a tenant's transactional email through its theme chain; hand it to the account flows. */
    public MailComposer mailComposer() {
        return mailComposer;
    }

    /** Drops what is cached for a tenant (compiled templates, recorded errors); caches also follow updatedAt. */
    public void tenantChanged(String tenantId) {
        engine.invalidate(tenantId);
    }

    /**
     * Drops the pages kept rendered for visitors of a tenant ({@code null}: of every tenant), so the next request
     * renders them afresh.
     */
    public void invalidatePages(String tenantId) {
        pageCache.invalidate(tenantId);
    }

    /**
     * Tells that {@code tenantId} published a legal version here: where its signed-in users stand (their banners, and
     * whether they must accept before generating or buying) is read again on their next request. A no-op before {@link #registerIn}.
     */
    public void legalPublished(String tenantId) {
        LegalStandings current = standings;
        if (current != null) {
            current.published(tenantId);
        }
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
        return new CachedPageFilter(setup.tenants(), pageCache, registered(plugins));
    }

    /**
     * The servlet filter that answers signed-in users' pages shared by users like them before Jersey; install it in
     * front of the Jersey servlet. Call after {@link #registerIn}.
     */
    public Filter signedInPages() {
        return new SignedInPageFilter(setup.tenants(), registered(accounts).signedInUsers(), registered(pages));
    }

    /**
     * The themed error pages the web server shows for errors it answers before Jersey (400, 413, 414, 431...).
     * Call after {@link #registerIn}.
     */
    public ErrorPages errorPages() {
        PageRenderer pages = registered(this.pages);
        return (host, path, status, title, detail) -> setup.tenants().byHost(Hosts.normalize(host))
                .map(tenant -> pages.error(tenant, path, status, title, detail).getEntity())
                .filter(String.class::isInstance)
                .map(String.class::cast);
    }

    /**
     * Registers tenant resolution, request authentication, the error mappers that answer a site's requests with
     * themed pages, and the shared services the boundaries' resources are injected with.
     *
     * @param accounts the account services sign-in, account pages, the account API and the admin area use
     * @param newAccounts what else happens when an account is created (the sign-up credit bonus)
     * @param legal the published legal versions and who accepted them (sign-up, banners, the acceptance gate)
     */
    public void registerIn(ResourceConfig config, DeployedPlugins plugins, AccountServices accounts,
            NewAccounts newAccounts, LegalRecords legal) {
        this.plugins = plugins;
        this.accounts = accounts;
        csrf = new CsrfTokens(accounts.secrets());
        LegalStandings kept = new LegalStandings(legal.acceptances());
        standings = kept;
        pages = new PageRenderer(engine, new PageModels(themes, staticFiles, brandAssets, plugins.models()),
                pageCache, new Visitors(csrf, kept));
        AuthPages authPages = new AuthPages(pages);
        Throttle throttle = new Throttle(accounts.rateLimiter());
        config.register(TenantResolutionFilter.class);
        config.register(AuthenticationFilter.class);
        config.register(SiteClientErrorMapper.class);
        config.register(ServerErrorMapper.class);
        config.register(InvalidAccountInputMapper.class);
        config.register(RateLimitedMapper.class);
        config.register(RateLimiterUnavailableMapper.class);
        config.register(AcceptanceGate.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(setup).to(SiteSetup.class);
                bind(pages).to(PageRenderer.class);
                bind(accounts).to(AccountServices.class);
                bind(csrf).to(CsrfTokens.class);
                bind(authPages).to(AuthPages.class);
                bind(throttle).to(Throttle.class);
                bind(new AccountFlows(accounts, authPages, csrf, new SignIns(accounts.sessions(), accounts.cookies()),
                        throttle, new AccountMail(mailComposer, accounts.outbox()), links,
                        newAccounts, legal.acceptances())).to(AccountFlows.class);
                bind(legal.versions()).to(LegalVersions.class);
                bind(legal.acceptances()).to(Acceptances.class);
                bind(kept).to(LegalStandings.class);
                bind(engine).to(ThemeEngine.class);
                bind(links).to(Links.class);
                bind(staticFiles).to(StaticFiles.class);
                bind(brandAssets).to(BrandAssets.class);
                bind(new BotChallenges(plugins.registry(PluginKinds.BOT_PROTECTION),
                        accounts.failedSignIns())).to(BotChallenges.class);
                bind(new TenantPluginDescriptions(plugins.kinds(), plugins.descriptions()))
                        .to(TenantPluginDescriptions.class);
            }
        });
    }

    private static <T> T registered(T part) {
        if (part == null) {
            throw new IllegalStateException("registerIn must be called first");
        }
        return part;
    }
}
