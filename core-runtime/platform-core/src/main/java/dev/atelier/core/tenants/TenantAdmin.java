package dev.atelier.core.tenants;

/**
 * Changes a tenant makes through its admin area, and operators' status changes. Each change is stored in one
 * transaction and visible through {@link TenantDirectory} as soon as the method returns; a later export writes it
 * back into the folder.
 */
public interface TenantAdmin {

    /**
     * Stores new branding and, when {@code logo} is not {@code null}, a new logo.
     *
     * @return the tenant as it is now
     * @throws InvalidTenantConfigException naming each bad field by its tenant.yaml path ({@code name},
     *     {@code branding.tagline}, {@code branding.theme}, {@code branding.colors.primary}, {@code branding.fonts.body},
     *     {@code branding.logo}); nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    default Tenant updateBranding(String slug, BrandingUpdate update, LogoUpload logo) {
        return updateBranding(slug, update, logo, null);
    }

    /**
     * Stores new branding with, when not {@code null}, a new logo and a new favicon (same formats and limit). A new
     * logo without a new favicon becomes the favicon too, so the browser tab shows the brand the pages show. Either
     * upload makes the tenant changed even when its bytes keep the stored file's name, so pages pick up the new
     * file's content-hashed address at once.
     *
     * @throws InvalidTenantConfigException as {@link #updateBranding(String, BrandingUpdate, LogoUpload)}, and
     *     {@code branding.favicon} for a bad favicon; nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant updateBranding(String slug, BrandingUpdate update, LogoUpload logo, LogoUpload favicon);

    /**
     * Replaces the models the tenant offers, with their prices, and the limits on generations running at once.
     *
     * <p>An offer whose model the tenant already configured keeps its stored {@code config} (which refers to secrets
     * as {@code ${NAME}}); the {@code config} passed with such an offer is ignored, so a caller never needs to see or
     * resend it. An offer of a model not configured before stores the {@code config} given: write secrets in it as
     * {@code ${NAME}} references only. A model dropped from the list whose stored {@code config} is not empty is kept
     * in the document as {@code enabled: false}, so offering it again later restores its settings; it is not offered
     * meanwhile. The sign-up bonus fields of {@code limits} are ignored: the stored ones stay.
     *
     * @param offers the models offered, in display order; ids not blank and not repeated, {@code credits} 0 to
     *     {@value #MAX_MODEL_CREDITS} or {@code null} for the model's default cost; {@code steps} all sizes or all
     *     durations, their limits strictly ascending, each 0 to {@value #MAX_MODEL_CREDITS} credits
     * @param limits {@code maxConcurrentJobsPerUser} and {@code maxConcurrentJobsPerTenant}, each 1 to
     *     {@value #MAX_CONCURRENT_JOBS}
     * @return the tenant as it is now
     * @throws InvalidTenantConfigException naming each bad field by its tenant.yaml path ({@code models[0].id},
     *     {@code models[1].credits}, {@code models[1].steps[2].up_to}, {@code credits.max_concurrent_jobs_per_user},
     *     {@code credits.max_concurrent_jobs_per_tenant}); nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant updateModels(String slug, java.util.List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits);

    /**
     * Changes the settings of one plugin the tenant binds: {@code storage.config} (or {@code payment.config},
     * {@code bot_protection.config}) or the {@code config} of an offered model.
     *
     * <p>The resulting settings are checked exactly as when a tenant folder is applied (the URL rules of
     * {@link PluginUrls} and the deployed plugin's schema) and stored only when they pass. A new secret is sealed with
     * the secrets key and stored like the secrets of a folder: the document refers to it as {@code ${NAME}}, where
     * {@code NAME} is made from the slug, the plugin and the setting ({@code ALPHA_STORAGE_SECRET_ACCESS_KEY}), so an
     * export names it and never holds its value. Secrets the document no longer refers to are dropped.
     *
     * @return the tenant as it is now
     * @throws InvalidTenantConfigException naming each bad field by its tenant.yaml path
     *     ({@code storage.config.bucket}, {@code models[1].config.api_key}), also when the plugin is not deployed
     *     (its schema is unknown) or the tenant does not bind it; nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant updatePluginSettings(String slug, PluginSettingsUpdate update);

    /**
     * Changes the plans and top-up packs the tenant sells ({@code plans} in tenant.yaml, archived ones included):
     * {@code edit} is given the stored list, read under the tenant's lock, and returns the new one, so two admins
     * editing at once both see their change kept.
     *
     * <p>The new list is checked exactly as a folder's {@code plans} are: ids unique and not blank, names not blank,
     * prices and credits not negative, every price in one currency, {@code rollover} and {@code valid_days} in range. A plan
     * left out of the list is gone from the document; subscriptions bought before keep renewing with the credits
     * they were bought with (archive a plan instead to keep it listed for admins).
     *
     * @return the tenant as it is now
     * @throws InvalidTenantConfigException naming each bad field by its tenant.yaml path ({@code plans[2].name},
     *     {@code plans[0].price.currency}); nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant updatePlans(String slug,
            java.util.function.UnaryOperator<java.util.List<TenantSettings.Plan>> edit);

    /**
     * Stores {@code source} as the tenant's own template {@code name} (as a file {@code templates/<name>} of its folder
     * would), replacing the one stored before; the tenant's {@code updatedAt} moves when the text changed, so caches of
     * its templates follow. Stored in one transaction under the tenant's lock. Applying the tenant's folder later puts
     * the folder's templates back (a template the folder lacks is removed): export first.
     *
     * @param name a relative name with {@code /} separators, such as {@code legal/terms.ftl}
     * @return the tenant as it is now
     * @throws InvalidTenantConfigException naming {@code templates/<name>} when the name is not a plain relative path
     *     of at most {@value #MAX_TEMPLATE_NAME} characters or the source is larger than {@value #MAX_TEMPLATE_CHARS}
     *     characters; nothing is stored
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant updateTemplate(String slug, String name, String source);

    /** Longest template name {@link #updateTemplate} accepts. */
    int MAX_TEMPLATE_NAME = 200;

    /** Longest template text {@link #updateTemplate} accepts, in characters. */
    int MAX_TEMPLATE_CHARS = 1024 * 1024;

    /** Highest credit price of one generation {@link #updateModels} accepts. */
    int MAX_MODEL_CREDITS = 100_000;

    /** Highest limit on generations queued or running at once {@link #updateModels} accepts. */
    int MAX_CONCURRENT_JOBS = 1000;

    /**
     * Suspends or reactivates a tenant.
     *
     * @return the tenant as it is now
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant setStatus(String slug, TenantStatus status);
}
