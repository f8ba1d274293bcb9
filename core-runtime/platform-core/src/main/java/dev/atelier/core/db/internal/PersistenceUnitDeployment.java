package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import jakarta.persistence.EntityManagerFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;

/**
 * The persistence unit, deployed on a thread of its own while the caller starts the server and migrates the schema.
 * EclipseLink's deployment (reading the mappings of every entity, then logging in) needs no table, and its longer
 * part needs no connection either; side by side, a start waits for the longer of the two rather than both.
 */
public final class PersistenceUnitDeployment {

    private final FutureTask<EntityManagerFactory> deployment;

    private PersistenceUnitDeployment(FutureTask<EntityManagerFactory> deployment) {
        this.deployment = deployment;
    }

    /** Starts deploying the unit on {@code pool}, which may make the log-in wait (a {@link PendingDataSource}). */
    public static PersistenceUnitDeployment begin(DataSource pool) {
        FutureTask<EntityManagerFactory> task = new FutureTask<>(() -> deploy(pool));
        Thread thread = new Thread(task, "atelier-start-persistence-unit");
        thread.setDaemon(true);
        thread.start();
        return new PersistenceUnitDeployment(task);
    }

    /** The deployed unit; its failure as the {@link DatabaseStartException} a deployment on this thread would throw. */
    public EntityManagerFactory await() {
        try {
            return deployment.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new DatabaseStartException("Cannot open the JPA persistence unit " + PersistenceUnit.NAME
                            + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("Interrupted while opening the JPA persistence unit", e);
        }
    }

    /** Waits for the deployment when the start failed elsewhere, and closes the unit it made, if any. */
    public void discard() {
        try {
            EntityManagerFactory emf = await();
            if (emf.isOpen()) {
                emf.close();
            }
        } catch (RuntimeException e) {
            // The start already fails for another reason, which is the one to report.
        }
    }

    private static EntityManagerFactory deploy(DataSource pool) {
        EntityManagerFactory emf = PersistenceUnit.open(pool);
        try {
            // EclipseLink deploys lazily; do it now so a mapping error stops start-up rather than the first request.
            emf.createEntityManager().close();
            return emf;
        } catch (RuntimeException e) {
            emf.close();
            throw new DatabaseStartException("Cannot open the JPA persistence unit " + PersistenceUnit.NAME + ": "
                    + e.getMessage(), e);
        }
    }
}
