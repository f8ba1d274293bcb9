package dev.atelier.plugins;

/**
 * A plugin service chosen to serve an id, and the bundle it comes from.
 *
 * @param id the id it serves under
 * @param description what its kind read from it when it appeared, or {@code null}
 * @param bundleSymbolicName the serving bundle's symbolic name
 * @param bundleVersion the serving bundle's version, for example {@code 1.2.0}
 * @param <D> the kind's description type
 */
public record ServedPlugin<D>(String id, D description, String bundleSymbolicName, String bundleVersion) {}
