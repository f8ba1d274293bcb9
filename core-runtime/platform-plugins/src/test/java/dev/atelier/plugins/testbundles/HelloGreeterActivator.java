package dev.atelier.plugins.testbundles;

import dev.atelier.plugins.testkind.Greeter;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers a {@link HelloGreeter} under the id in the manifest header {@code Greeter-Id} (without one when the header is missing). */
public final class HelloGreeterActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        String id = context.getBundle().getHeaders().get("Greeter-Id");
        if (id != null) {
            properties.put(Greeter.ID, id);
        }
        context.registerService(Greeter.class, new HelloGreeter(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service.
    }
}
