package dev.atelier.web.tenant;

import dev.atelier.core.tenants.PluginSettingsUpdate;

/**
 * Saves the admin plugin form: the settings of one plugin a tenant binds, new secrets sealed. Implemented over
 * platform-core's tenant administration ({@link dev.atelier.core.tenants.TenantAdmin#updatePluginSettings}); after it
 * returns, {@link dev.atelier.core.tenants.TenantDirectory} answers the changed tenant, so the next call of the plugin
 * gets the new settings.
 */
public interface PluginSettingsStore {

    /**
     * @param tenantId the tenant's id
     * @param update the submitted settings; checked here exactly as when a tenant folder is applied
     * @throws dev.atelier.core.tenants.InvalidTenantConfigException naming each bad setting by its tenant.yaml path;
     *     nothing is saved
     * @throws IllegalArgumentException when the tenant does not exist
     */
    void save(String tenantId, PluginSettingsUpdate update);
}
