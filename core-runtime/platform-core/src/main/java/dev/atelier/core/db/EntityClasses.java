package dev.atelier.core.db;

import java.util.List;

/**
 * The JPA entities one feature module maps, contributed to the persistence unit {@code atelier}.
 *
 * <p>A module that maps tables with JPA implements this once (in one of its own {@code internal} packages, since its
 * entities never leave the module) and names the implementation in
 * {@code META-INF/services/dev.atelier.core.db.EntityClasses}. {@link Database} opens one unit holding the entities of
 * every module on the class path, so a module below never names the classes of a module above it.
 */
public interface EntityClasses {

    /**
     * The {@code @Entity} classes of this module and the {@code @MappedSuperclass} classes they extend; each belongs
     * to exactly one module.
     */
    List<Class<?>> entityClasses();
}
