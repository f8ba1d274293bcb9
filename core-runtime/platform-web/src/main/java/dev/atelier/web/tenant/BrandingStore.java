package dev.atelier.web.tenant;

/**
 * Saves a tenant's branding from the admin form. Implemented over platform-core's tenant administration; after it
 * returns, {@link dev.atelier.core.tenants.TenantDirectory} answers the changed tenant with a newer {@code updatedAt}.
 */
public interface BrandingStore {

    /**
     * Replaces the tenant's display name and branding, in one transaction.
     *
     * @param tenantId the tenant's id
     * @param update validated values; {@link BrandingUpdate#logo()} {@code null} keeps the current logo
     * @throws IllegalArgumentException when the tenant does not exist
     */
    void save(String tenantId, BrandingUpdate update);
}
