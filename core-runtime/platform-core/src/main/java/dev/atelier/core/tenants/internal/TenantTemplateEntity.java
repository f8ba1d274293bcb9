package dev.atelier.core.tenants.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.atelier.core.tenants.TenantScope;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code tenant_template}, visible only through an EntityManager of its tenant. */
@Entity
@Table(name = "tenant_template")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class TenantTemplateEntity {

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "source", nullable = false)
    private String source;

    protected TenantTemplateEntity() {}

    public TenantTemplateEntity(String name, String source) {
        this.name = name;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    /** Replaces the text (an admin's edit). */
    public void replace(String newSource) {
        this.source = newSource;
    }
}
