package dev.atelier.web.tenant;

/**
 * Saves a tenant's own template edited in the admin area (a legal document's). Implemented over platform-core's
 * tenant administration ({@link dev.atelier.core.tenants.TenantAdmin#updateTemplate}): one transaction under the
 * tenant's lock, stored with the templates of its folder, and replaced by them when the folder is applied again.
 */
public interface TemplatesStore {

    /**
     * @param tenantId the tenant's id
     * @param name the template's relative name, such as {@code legal/terms.ftl}
     * @param source the template text
     * @throws dev.atelier.core.tenants.InvalidTenantConfigException when the name or the size is refused; nothing is
     *     saved
     * @throws IllegalArgumentException when the tenant does not exist
     */
    void save(String tenantId, String name, String source);
}
