package dev.atelier.web.site;

import dev.atelier.plugins.TenantPluginDescriptions;
import dev.atelier.web.TenantWeb;
import dev.atelier.web.site.accounts.AccountEmailResource;
import dev.atelier.web.site.accounts.AccountResource;
import dev.atelier.web.site.accounts.EmailVerificationResource;
import dev.atelier.web.site.accounts.GoogleSignInResource;
import dev.atelier.web.site.accounts.PasswordResetResource;
import dev.atelier.web.site.accounts.SignInResource;
import dev.atelier.web.site.accounts.SignUpResource;
import dev.atelier.web.site.admin.AdminLegalResource;
import dev.atelier.web.site.admin.AdminModelsResource;
import dev.atelier.web.site.admin.AdminPages;
import dev.atelier.web.site.admin.AdminPaymentsResource;
import dev.atelier.web.site.admin.AdminPlansResource;
import dev.atelier.web.site.admin.AdminPluginsResource;
import dev.atelier.web.site.admin.AdminResource;
import dev.atelier.web.site.admin.AdminSubscriptionsResource;
import dev.atelier.web.site.admin.AdminAuditResource;
import dev.atelier.web.site.admin.AdminAuditTrail;
import dev.atelier.web.site.admin.AdminUserResource;
import dev.atelier.web.site.admin.AdminUsersResource;
import dev.atelier.web.site.admin.BrandingForms;
import dev.atelier.web.site.admin.ModelForms;
import dev.atelier.web.site.admin.PlanForms;
import dev.atelier.web.site.admin.PluginForms;
import dev.atelier.web.site.assets.BrandAssetResource;
import dev.atelier.web.site.assets.BrandStyleResource;
import dev.atelier.web.site.assets.StaticResource;
import dev.atelier.web.site.billing.BillingPageResource;
import dev.atelier.web.site.billing.BillingPages;
import dev.atelier.web.site.billing.CheckoutPagesResource;
import dev.atelier.web.site.billing.SandboxPortalResource;
import dev.atelier.web.site.creation.GenerationPagesResource;
import dev.atelier.web.site.legal.LegalAcceptResource;
import dev.atelier.web.site.legal.LegalPagesResource;
import dev.atelier.web.site.legal.LegalVersionPagesResource;
import dev.atelier.web.site.pages.SitePagesResource;
import dev.atelier.web.tenant.DeployedPlugins;
import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The tenant sites' HTML boundary: the theme's pages, sign-in and account pages, create and gallery, pricing,
 * checkout and billing, brand assets and the admin area. Needs {@link TenantWeb} registered in the same application.
 */
public final class SiteFeature {

    private SiteFeature() {
    }

    /** Registers the site pages and the admin area, with the form handlers the admin pages use. */
    public static void registerIn(ResourceConfig config, TenantWeb web, DeployedPlugins plugins) {
        config.register(SitePagesResource.class);
        config.register(LegalPagesResource.class);
        config.register(BillingPageResource.class);
        config.register(CheckoutPagesResource.class);
        config.register(SandboxPortalResource.class);
        config.register(SignInResource.class);
        config.register(SignUpResource.class);
        config.register(PasswordResetResource.class);
        config.register(EmailVerificationResource.class);
        config.register(AccountEmailResource.class);
        config.register(GoogleSignInResource.class);
        config.register(AccountResource.class);
        config.register(GenerationPagesResource.class);
        config.register(StaticResource.class);
        config.register(BrandAssetResource.class);
        config.register(BrandStyleResource.class);
        config.register(AdminResource.class);
        config.register(AdminUsersResource.class);
        config.register(AdminUserResource.class);
        config.register(AdminAuditResource.class);
        config.register(AdminPaymentsResource.class);
        config.register(AdminSubscriptionsResource.class);
        config.register(AdminPluginsResource.class);
        config.register(AdminPlansResource.class);
        config.register(AdminLegalResource.class);
        config.register(LegalVersionPagesResource.class);
        config.register(LegalAcceptResource.class);
        if (web.setup().models() != null) {
            config.register(AdminModelsResource.class);
        }
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bindAsContract(BillingPages.class).in(Singleton.class);
                bindAsContract(AdminAuditTrail.class).in(Singleton.class);
                if (web.setup().models() != null) {
                    bind(new ModelForms(plugins.models(), web.setup().models())).to(ModelForms.class);
                }
                bind(new PlanForms(web.setup().plans())).to(PlanForms.class);
                bind(new PluginForms(new TenantPluginDescriptions(plugins.kinds(), plugins.descriptions()),
                        web.setup().pluginSettings())).to(PluginForms.class);
                BrandingForms branding = new BrandingForms(web.themes(), web.errors(), web.setup().branding());
                bind(branding).to(BrandingForms.class);
                bind(new AdminPages(web.pages(), branding, web.csrf())).to(AdminPages.class);
            }
        });
    }
}
