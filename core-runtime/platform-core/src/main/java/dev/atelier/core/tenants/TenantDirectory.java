package dev.atelier.core.tenants;

import java.util.List;
import java.util.Optional;

/**
 * Finds tenants, fast: every request resolves its tenant from the {@code Host} header through here, so lookups are
 * served from memory and refreshed whenever a tenant changes (on this node, or on another one later).
 */
public interface TenantDirectory {

    /**
     * The tenant that serves {@code host}.
     *
     * @param host a Host header value; the port and letter case are ignored
     */
    Optional<Tenant> byHost(String host);

    Optional<Tenant> bySlug(String slug);

    /** The tenant with this id ({@code tnt_...}); workers and sweepers hold ids, not hosts. */
    default Optional<Tenant> byId(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Every tenant, ordered by slug. */
    List<Tenant> all();
}
