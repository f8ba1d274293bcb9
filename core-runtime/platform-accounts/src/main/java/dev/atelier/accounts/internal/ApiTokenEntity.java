package dev.atelier.accounts.internal;

import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code api_token}: the SHA-256 of a personal API token and its first characters, never the token. */
@Entity
@Table(name = "api_token")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class ApiTokenEntity extends HashedTokenEntity {

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "created_by")
    private String createdBy;

    protected ApiTokenEntity() {}

    public ApiTokenEntity(String id, String accountId, String name, String tokenHash, String prefix, Instant now,
            String createdBy) {
        super(id, name, tokenHash, prefix, now);
        this.accountId = accountId;
        this.createdBy = createdBy;
    }

    public String accountId() {
        return accountId;
    }

    public String createdBy() {
        return createdBy;
    }
}
