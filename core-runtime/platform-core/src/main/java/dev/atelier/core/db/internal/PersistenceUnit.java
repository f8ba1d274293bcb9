package dev.atelier.core.db.internal;

import dev.atelier.core.db.EntityClasses;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The JPA persistence unit {@code atelier}, made of the entities every module on the class path contributes through
 * {@link EntityClasses}. Flyway owns the schema; the unit only maps it.
 */
public final class PersistenceUnit {

    /** The unit's name. */
    public static final String NAME = "atelier";

    private PersistenceUnit() {}

    /** Opens the unit on {@code dataSource}; EclipseLink deploys it lazily, on the first entity manager. */
    public static EntityManagerFactory open(DataSource dataSource) {
        PersistenceConfiguration unit = new PersistenceConfiguration(NAME)
                .provider(PersistenceProvider.class.getName())
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource)
                .property(PersistenceUnitProperties.TARGET_DATABASE, "PostgreSQL")
                .property(PersistenceUnitProperties.WEAVING, "false")
                .property(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE)
                // Several nodes share one database: a shared entity cache would serve other nodes' stale rows.
                .property(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false")
                .property(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING")
                .property(PersistenceUnitProperties.CATEGORY_LOGGING_LEVEL_ + "sql", "WARNING")
                // The one mapping warning is by design, and it was printed at every start, outside the platform's log
                // format: tenant_admin's key is (tenant_id, email), the tenant part being the multitenant
                // discriminator, which EclipseLink counts as a second id without an @IdClass. Found within a tenant's
                // scope by email alone, as TenantAdmins does. Mapping errors still fail the unit's deployment.
                .property(PersistenceUnitProperties.CATEGORY_LOGGING_LEVEL_ + "metadata", "SEVERE")
                .property(PersistenceUnitProperties.LOGGING_PARAMETERS, "false")
                .property(PersistenceUnitProperties.SESSION_CUSTOMIZER, FailFastSession.class.getName());
        ServiceLoader.load(EntityClasses.class, PersistenceUnit.class.getClassLoader())
                .forEach(module -> module.entityClasses().forEach(unit::managedClass));
        return unit.createEntityManagerFactory();
    }
}
