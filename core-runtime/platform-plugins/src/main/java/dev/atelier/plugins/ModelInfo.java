package dev.atelier.plugins;

import dev.atelier.spi.model.ModelDescriptor;

/**
 * A model being served and the bundle serving it.
 *
 * @param descriptor what the model declared when its service appeared
 * @param bundleSymbolicName the serving bundle's symbolic name
 * @param bundleVersion the serving bundle's version, for example {@code 1.2.0}
 */
public record ModelInfo(ModelDescriptor descriptor, String bundleSymbolicName, String bundleVersion) {

    /** The model id, {@code descriptor().id()}. */
    public String modelId() {
        return descriptor.id();
    }
}
