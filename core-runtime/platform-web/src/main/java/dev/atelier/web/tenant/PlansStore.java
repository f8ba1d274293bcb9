package dev.atelier.web.tenant;

import dev.atelier.core.tenants.TenantSettings;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Saves the admin plans form: the plans and top-up packs a tenant sells. Implemented over platform-core's tenant
 * administration ({@link dev.atelier.core.tenants.TenantAdmin#updatePlans}); after it returns,
 * {@link dev.atelier.core.tenants.TenantDirectory} answers the changed tenant.
 */
public interface PlansStore {

    /**
     * @param tenantId the tenant's id
     * @param edit turns the stored plans (read under the tenant's lock) into the new ones
     * @throws dev.atelier.core.tenants.InvalidTenantConfigException naming each bad field by its tenant.yaml path
     *     ({@code plans[1].price.amount}); nothing is saved
     * @throws IllegalArgumentException when the tenant does not exist, or thrown by {@code edit}; nothing is saved
     */
    void save(String tenantId, UnaryOperator<List<TenantSettings.Plan>> edit);
}
