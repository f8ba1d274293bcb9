package dev.atelier.launcher.testbundles;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Packed into a test bundle whose activator fails, as a careless plugin's might. */
public final class ThrowingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("the vendor API key is missing");
    }

    @Override
    public void stop(BundleContext context) {}
}
