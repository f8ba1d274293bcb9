package dev.atelier.core.db;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/**
 * Runs JPA work on an EntityManager the caller has just opened, and closes it: {@link #read} without a transaction,
 * {@link #write} in one transaction that commits when the work returns and rolls back when it throws. Tenant-owned
 * rows go through {@code TenantScope}, which opens tenant-scoped EntityManagers for it; platform-wide rows (operator
 * tokens, deployment history) through an unscoped one.
 */
public final class EntityManagers {

    private EntityManagers() {}

    /** Runs {@code work} on {@code em} without a transaction, then closes {@code em}. */
    public static <T> T read(EntityManager em, Function<EntityManager, T> work) {
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} on {@code em} in one transaction, then closes {@code em}; any exception rolls it back. */
    public static <T> T write(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }
}
