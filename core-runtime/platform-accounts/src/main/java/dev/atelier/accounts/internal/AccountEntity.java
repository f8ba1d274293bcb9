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

/** A row of {@code account}, visible only through an EntityManager of its tenant. */
@Entity
@Table(name = "account")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class AccountEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "email", nullable = false)
    private String email;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountEntity() {}

    public AccountEntity(String id, String email, String passwordHash, String displayName, Instant now) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public Instant emailVerifiedAt() {
        return emailVerifiedAt;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void markEmailVerified(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
            updatedAt = now;
        }
    }

    public void changeEmail(String normalizedEmail, Instant now) {
        email = normalizedEmail;
        updatedAt = now;
    }

    public void changeDisplayName(String name, Instant now) {
        displayName = name;
        updatedAt = now;
    }

    public void changePasswordHash(String hash, Instant now) {
        passwordHash = hash;
        updatedAt = now;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    /** Suspends the account from {@code now}; an account already suspended keeps its first time. */
    public void suspend(Instant now) {
        if (suspendedAt == null) {
            suspendedAt = now;
            updatedAt = now;
        }
    }

    public void resume(Instant now) {
        if (suspendedAt != null) {
            suspendedAt = null;
            updatedAt = now;
        }
    }
}
