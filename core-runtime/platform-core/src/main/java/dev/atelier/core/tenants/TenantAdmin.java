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
     * Suspends or reactivates a tenant.
     *
     * @return the tenant as it is now
     * @throws TenantNotFoundException if there is no such tenant
     */
    Tenant setStatus(String slug, TenantStatus status);
}
