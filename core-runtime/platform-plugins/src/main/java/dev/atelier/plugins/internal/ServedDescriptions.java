package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginDescriptions;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginService;
import dev.atelier.spi.storage.StorageBackend;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PluginDescriptions} over the trackers: asks the chosen service of a plugin id for its description, with the
 * plugin's class loader as context class loader. The only place that knows which tracker serves which SPI.
 *
 * @param models the tracker of {@code GenerationModel} services
 * @param storage the tracker of {@code StorageBackend} services
 */
public record ServedDescriptions(ModelTracker models, StorageTracker storage) implements PluginDescriptions {

    private static final Logger LOG = LoggerFactory.getLogger(ServedDescriptions.class);

    /** A service and the class loader of the bundle that registered it. */
    private record Served(PluginService service, ClassLoader loader) {}

    @Override
    public Optional<PluginDescription> find(Class<? extends PluginService> spi, String pluginId) {
        return served(spi, pluginId).map(served -> describe(served, pluginId));
    }

    private Optional<Served> served(Class<? extends PluginService> spi, String pluginId) {
        if (spi == GenerationModel.class) {
            return Optional.ofNullable(models.snapshot().chosen(pluginId))
                    .map(entry -> new Served(entry.model(), entry.bundleLoader()));
        }
        if (spi == StorageBackend.class) {
            return storage.chosen(pluginId).map(entry -> new Served(entry.backend(), entry.bundleLoader()));
        }
        return Optional.empty();
    }

    // A description is a constant, so it is read on the caller's thread; a plugin that fails here still serves calls.
    private static PluginDescription describe(Served served, String pluginId) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(served.loader());
        try {
            PluginDescription description = served.service().description();
            return description != null ? description : PluginDescription.NONE;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Plugin {} could not describe itself; its settings are not checked: {}", pluginId, e.toString());
            return PluginDescription.NONE;
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
