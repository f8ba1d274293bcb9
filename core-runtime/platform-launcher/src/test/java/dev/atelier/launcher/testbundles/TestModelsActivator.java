package dev.atelier.launcher.testbundles;

import dev.atelier.spi.model.GenerationModel;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers one {@link TestModel} per id listed in the bundle's {@code Test-Models} header; with a
 * {@code Test-Behaviour} header each behaves as the model that header names.
 */
public final class TestModelsActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        for (String id : context.getBundle().getHeaders().get("Test-Models").split(",")) {
            String behaviour = context.getBundle().getHeaders().get("Test-Behaviour");
            context.registerService(GenerationModel.class,
                    new TestModel(id.strip(), behaviour == null ? id.strip() : behaviour.strip()), null);
        }
    }

    @Override
    public void stop(BundleContext context) {}
}
