package dev.atelier.core.tenants;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's template overrides. They change by applying its folder or through {@link TenantAdmin#updateTemplate}; the
 * tenant's updatedAt changes with them.
 */
public interface TenantTemplates {

    /** The tenant's override of {@code name}, if it has one. */
    Optional<TenantTemplate> find(String tenantId, String name);

    /** Every override of the tenant, by name. */
    List<TenantTemplate> all(String tenantId);

    /** Whether the tenant overrides any template (a cheap query; tenants without overrides can share caches). */
    boolean hasAny(String tenantId);
}
