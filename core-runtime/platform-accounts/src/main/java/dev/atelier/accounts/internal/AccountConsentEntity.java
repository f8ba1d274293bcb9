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

/** A row of {@code account_consent}: one acceptance of one version of a legal document (written by SQL). */
@Entity
@Table(name = "account_consent")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class AccountConsentEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    @Column(name = "ip")
    private String ip;

    protected AccountConsentEntity() {}

    public String document() {
        return document;
    }

    public String version() {
        return version;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String ip() {
        return ip;
    }
}
