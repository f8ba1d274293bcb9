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

/** A row of {@code account_token}: the SHA-256 of a mailed single-use token, never the token itself. */
@Entity
@Table(name = "account_token")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class AccountTokenEntity {

    public static final String VERIFY_EMAIL = "VERIFY_EMAIL";
    public static final String RESET_PASSWORD = "RESET_PASSWORD";
    public static final String CHANGE_EMAIL = "CHANGE_EMAIL";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "new_email")
    private String newEmail;

    protected AccountTokenEntity() {}

    public AccountTokenEntity(String id, String accountId, String purpose, String tokenHash, Instant expiresAt) {
        this.id = id;
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    public AccountTokenEntity(String id, String accountId, String purpose, String tokenHash, Instant expiresAt,
            String newEmail) {
        this(id, accountId, purpose, tokenHash, expiresAt);
        this.newEmail = newEmail;
    }

    /** The normalized address a {@link #CHANGE_EMAIL} token switches to; null for other purposes. */
    public String newEmail() {
        return newEmail;
    }

    public String accountId() {
        return accountId;
    }

    public String purpose() {
        return purpose;
    }

    /** Whether the token may still be used at {@code now}: not used yet and not expired. */
    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void markUsed(Instant now) {
        usedAt = now;
    }
}
