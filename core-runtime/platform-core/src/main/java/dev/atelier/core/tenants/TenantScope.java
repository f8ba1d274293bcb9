package dev.atelier.core.tenants;

import dev.atelier.core.db.EntityManagers;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * EntityManagers that see one tenant's rows only. Every tenant-owned entity is mapped with
 * {@code @Multitenant(MultitenantType.SINGLE_TABLE)} and
 * {@code @TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)}; EclipseLink then adds
 * {@code tenant_id = ?} to every query, find and write of an EntityManager opened here, so a repository cannot forget
 * the tenant. Opening an EntityManager without the property and touching such an entity fails instead of leaking.
 */
public final class TenantScope {

    /** The EntityManager property holding the tenant id ({@link Tenant#id()}). */
    public static final String PROPERTY = "atelier.tenant";

    private final EntityManagerFactory entityManagerFactory;

    public TenantScope(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** A new EntityManager scoped to {@code tenantId}; the caller closes it. */
    public EntityManager open(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return entityManagerFactory.createEntityManager(Map.of(PROPERTY, tenantId));
    }

    /** Runs {@code work} on a tenant-scoped EntityManager without a transaction. */
    public <T> T read(String tenantId, Function<EntityManager, T> work) {
        return EntityManagers.read(open(tenantId), work);
    }

    /** Runs {@code work} in one transaction of a tenant-scoped EntityManager; any exception rolls it back. */
    public <T> T write(String tenantId, Function<EntityManager, T> work) {
        return EntityManagers.write(open(tenantId), work);
    }

    /** {@link #write} for work without a result. */
    public void run(String tenantId, Consumer<EntityManager> work) {
        write(tenantId, em -> {
            work.accept(em);
            return null;
        });
    }
}
