package dev.atelier.core.deployments;

import dev.atelier.core.db.EntityManagers;
import dev.atelier.core.deployments.internal.BundleDeploymentEntity;
import dev.atelier.core.ids.UuidV7;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The kept history of bundle installs, updates, removals and failures. Platform-wide, shared by all nodes. */
public final class DeploymentHistory {

    private final EntityManagerFactory entityManagerFactory;
    private final UuidV7 ids = new UuidV7();

    public DeploymentHistory(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Stores one change; a missing id or time is filled in (a new UUIDv7, now). */
    public void record(DeploymentRecord record) {
        UUID id = record.id() == null ? ids.next() : UUID.fromString(record.id());
        // PostgreSQL keeps microseconds; truncating here makes what is stored equal to what was recorded.
        Instant at = (record.occurredAt() == null ? Instant.now() : record.occurredAt()).truncatedTo(ChronoUnit.MICROS);
        BundleDeploymentEntity row = new BundleDeploymentEntity(id, at, record.action(), record.fileName(),
                record.symbolicName(), record.version(), record.detail());
        EntityManagers.write(entityManagerFactory.createEntityManager(), em -> {
            em.persist(row);
            return row;
        });
    }

    /** The newest {@code limit} changes, newest first. */
    public List<DeploymentRecord> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return EntityManagers.read(entityManagerFactory.createEntityManager(), em -> em.createQuery(
                        "SELECT d FROM BundleDeploymentEntity d ORDER BY d.occurredAt DESC, d.id DESC",
                        BundleDeploymentEntity.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(DeploymentHistory::toRecord)
                .toList());
    }

    private static DeploymentRecord toRecord(BundleDeploymentEntity row) {
        return new DeploymentRecord(row.id().toString(), row.occurredAt(), row.action(), row.fileName(),
                row.symbolicName(), row.bundleVersion(), row.detail());
    }
}
