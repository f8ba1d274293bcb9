package dev.atelier.plugins.internal;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.spi.model.GenerationModel;
import org.osgi.framework.ServiceReference;

/** One registered GenerationModel service, with what the host learned when it appeared. */
record ModelEntry(
        ServiceReference<GenerationModel> reference,
        GenerationModel model,
        ModelInfo info,
        long bundleId,
        int ranking,
        ClassLoader bundleLoader,
        BundleActivity activity) {

    String modelId() {
        return info.descriptor().id();
    }
}
