package dev.atelier.plugins;

import dev.atelier.spi.plugin.PluginDescription;
import java.util.Optional;

/**
 * The descriptions (settings schema, data-processor disclosures) of the plugins deployed right now, whatever their
 * kind. Thread-safe.
 */
public interface PluginDescriptions {

    /**
     * The description of the service that serves {@code pluginId} under {@code spi} right now, chosen exactly as calls
     * are (a model by its descriptor's id, a storage backend by its backend id).
     *
     * @param spi the SPI interface, for example {@code StorageBackend.class}
     * @return empty when no bundle serves {@code pluginId} under {@code spi} (or the host does not track that SPI);
     *     {@link PluginDescription#NONE} when the plugin declares nothing or its {@code description()} failed
     */
    Optional<PluginDescription> find(Class<?> spi, String pluginId);
}
