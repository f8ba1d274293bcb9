package dev.atelier.plugins.testbundles;

import dev.atelier.spi.model.GenerationModel;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers an {@link EchoModel} whose descriptor version is the bundle's version. Manifest headers steer it:
 * {@code Echo-Model} (model id, default {@code echo}), {@code Echo-Ranking} (service.ranking),
 * {@code Echo-Start-Failure} (makes start() throw with that message), {@code Echo-Descriptor-Failure} (makes
 * descriptor() throw with that message), {@code Echo-Undeclared-Version} (the descriptor declares no version).
 */
public final class EchoActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, String> headers = context.getBundle().getHeaders();
        if (headers.get("Echo-Start-Failure") != null) {
            throw new IllegalStateException(headers.get("Echo-Start-Failure"));
        }
        String modelId = headers.get("Echo-Model") != null ? headers.get("Echo-Model") : "echo";
        String version = headers.get("Echo-Undeclared-Version") != null
                ? null : context.getBundle().getVersion().toString();
        Dictionary<String, Object> properties = new Hashtable<>();
        if (headers.get("Echo-Ranking") != null) {
            properties.put(Constants.SERVICE_RANKING, Integer.valueOf(headers.get("Echo-Ranking")));
        }
        context.registerService(GenerationModel.class,
                new EchoModel(modelId, version, headers.get("Echo-Descriptor-Failure")), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service.
    }
}
