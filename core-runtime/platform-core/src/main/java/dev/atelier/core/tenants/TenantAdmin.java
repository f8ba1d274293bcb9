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
    Tenant updateBranding(String slug, BrandingUpdate update, LogoUpload logo);

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
