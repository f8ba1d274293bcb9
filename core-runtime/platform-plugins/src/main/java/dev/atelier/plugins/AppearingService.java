package dev.atelier.plugins;

import java.util.Map;
import java.util.Optional;

/**
 * A service as its {@link ServiceReader} sees it: the bundle that registered it and its service properties.
 *
 * @param bundleSymbolicName the bundle's {@code Bundle-SymbolicName}
 * @param bundleVersion the bundle's {@code Bundle-Version}, for example {@code 1.2.0}
 * @param properties the service properties
 */
public record AppearingService(String bundleSymbolicName, String bundleVersion, Map<String, Object> properties) {

    public AppearingService {
        properties = Map.copyOf(properties);
    }

    /** The service property {@code name} when it is a non-blank string. */
    public Optional<String> text(String name) {
        return properties.get(name) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }
}
