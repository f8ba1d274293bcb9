package dev.atelier.accounts.internal;

import dev.atelier.accounts.Account;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Look-ups of {@link AccountEntity} in a tenant-scoped EntityManager, and the conversion to {@link Account}. */
public final class AccountRows {

    private AccountRows() {}

    public static Optional<AccountEntity> byEmail(EntityManager em, String normalizedEmail) {
        return em.createQuery("SELECT a FROM AccountEntity a WHERE a.email = :email", AccountEntity.class)
                .setParameter("email", normalizedEmail).getResultStream().findFirst();
    }

    public static Account dto(String tenantId, AccountEntity row) {
        return new Account(row.id(), tenantId, row.email(), row.displayName(), row.emailVerifiedAt() != null,
                row.createdAt(), row.passwordHash() != null);
    }
}
