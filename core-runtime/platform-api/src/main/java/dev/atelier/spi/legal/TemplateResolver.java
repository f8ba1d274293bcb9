package dev.atelier.spi.legal;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the templates a template includes or imports, by name. Knows only the tenant's own templates and the ones the
 * platform ships, so a template cannot read anything else through an include.
 *
 * <p>Implemented by the host; plugins only call it.
 */
@ProviderType
@FunctionalInterface
public interface TemplateResolver {

    /** Finds nothing: for a template that includes nothing. */
    TemplateResolver NONE = name -> Optional.empty();

    /**
     * The source of the template {@code name}.
     *
     * @param name a name relative to the tenant's templates without a leading slash, for example {@code common.ftl};
     *     the renderer resolves relative names before asking
     * @return empty when there is no such template the tenant may include
     */
    Optional<String> find(String name);
}
