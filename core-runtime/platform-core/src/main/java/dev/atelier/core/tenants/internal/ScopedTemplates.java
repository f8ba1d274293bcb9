package dev.atelier.core.tenants.internal;

import dev.atelier.core.tenants.TenantScope;
import dev.atelier.core.tenants.TenantTemplate;
import dev.atelier.core.tenants.TenantTemplates;
import java.util.List;
import java.util.Optional;

/** {@link TenantTemplates} read through tenant-scoped EntityManagers. */
public final class ScopedTemplates implements TenantTemplates {

    private final TenantScope scope;

    public ScopedTemplates(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<TenantTemplate> find(String tenantId, String name) {
        return scope.read(tenantId, em -> Optional.ofNullable(em.find(TenantTemplateEntity.class, name))
                .map(ScopedTemplates::dto));
    }

    @Override
    public List<TenantTemplate> all(String tenantId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT t FROM TenantTemplateEntity t ORDER BY t.name",
                TenantTemplateEntity.class).getResultStream().map(ScopedTemplates::dto).toList());
    }

    @Override
    public boolean hasAny(String tenantId) {
        return scope.read(tenantId, em -> !em.createQuery("SELECT t.name FROM TenantTemplateEntity t", String.class)
                .setMaxResults(1).getResultList().isEmpty());
    }

    private static TenantTemplate dto(TenantTemplateEntity row) {
        return new TenantTemplate(row.name(), row.source());
    }
}
