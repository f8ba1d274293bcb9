package dev.atelier.core.tenants;

import dev.atelier.core.tenants.internal.FolderSnapshot;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tenant as its folder describes it, read without the database, the plugins or the secrets' values (they stay
 * written {@code ${NAME}}): for commands that show what a folder would serve before anything is applied. The tenant's
 * id is {@code folder:<slug>}; it has no stored assets.
 *
 * @param tenant the tenant the folder's {@code tenant.yaml}, with the profile's overlay, describes
 * @param templates the files under the folder's {@code templates/}, by name ({@code legal/privacy.ftl})
 */
public record FolderTenant(Tenant tenant, Map<String, String> templates) {

    public FolderTenant {
        templates = Map.copyOf(templates);
    }

    /**
     * Reads {@code folder} with the overlay of {@code profile}.
     *
     * @param baseDomain the platform's base domain, for the tenant's {@code <slug>.<base domain>} host
     * @throws InvalidTenantConfigException when a file cannot be read or breaks the schema
     */
    public static FolderTenant read(Path folder, String profile, String baseDomain) {
        return FolderSnapshot.read(folder, profile, baseDomain);
    }
}
