package dev.atelier.core.tenants;

import java.util.List;
import java.util.Optional;

/** A tenant's stored files (logo, favicon, other assets of its folder). */
public interface TenantAssets {

    /**
     * The asset with this id (its SHA-256) of this tenant; another tenant's asset is never found.
     *
     * @param tenantId {@link Tenant#id()}
     */
    Optional<TenantAsset> find(String tenantId, String assetId);

    /** Every asset of the tenant, by path. */
    List<TenantAsset> all(String tenantId);
}
