package dev.atelier.web.tenant;

import java.util.Optional;

/**
 * What the web side reads about a tenant beyond {@link dev.atelier.core.tenants.Tenant}: its stored assets and
 * template overrides. Implemented over platform-core's tenant store; called on page renders, so implementations answer
 * from memory or a cheap query (the web side caches per tenant {@code updatedAt}).
 */
public interface TenantSiteData {

    /** A stored tenant asset (logo, favicon), or empty when the tenant has no asset with that id. */
    Optional<TenantAsset> asset(String tenantId, String assetId);

    /**
     * The source of the tenant's override of a template, by relative name ({@code index.ftlh},
     * {@code error/404.ftlh}), or empty when the tenant does not override it.
     */
    Optional<String> template(String tenantId, String name);

    /**
     * Whether the tenant overrides any template. Tenants that do not share their theme's compiled templates, which
     * keeps memory flat with many tenants; the default answer {@code true} is always correct, only slower.
     */
    default boolean hasTemplates(String tenantId) {
        return true;
    }
}
