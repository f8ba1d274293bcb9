package dev.atelier.accounts.internal;

import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row of {@code tenant_admin}. Its key is (tenant_id, email); the tenant part is the discriminator column, so within
 * a tenant scope the email alone identifies the row.
 */
@Entity
@Table(name = "tenant_admin")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY, primaryKey = true)
public class TenantAdminEntity {

    @Id
    @Column(name = "email")
    private String email;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected TenantAdminEntity() {}

    public TenantAdminEntity(String email, Instant now) {
        this.email = email;
        this.grantedAt = now;
    }

    public String email() {
        return email;
    }
}
