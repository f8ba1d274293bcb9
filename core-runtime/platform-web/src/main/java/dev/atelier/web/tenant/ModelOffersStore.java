package dev.atelier.web.tenant;

import dev.atelier.core.tenants.TenantSettings;
import java.util.List;

/**
 * Saves the models a tenant offers, their prices and the limits on generations running at once, from the admin
 * models form. Implemented over platform-core's tenant administration; after it returns,
 * {@link dev.atelier.core.tenants.TenantDirectory} answers the changed tenant.
 */
public interface ModelOffersStore {

    /**
     * Replaces the tenant's offers and concurrent-job limits in one transaction; each offered model keeps its stored
     * plugin settings.
     *
     * @param tenantId the tenant's id
     * @param offers validated offers in display order
     * @param limits only the two concurrent-job limits count; the sign-up bonus stays as it is
     * @throws dev.atelier.core.tenants.InvalidTenantConfigException when a value is out of range; nothing is saved
     * @throws IllegalArgumentException when the tenant does not exist
     */
    void save(String tenantId, List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits);
}
