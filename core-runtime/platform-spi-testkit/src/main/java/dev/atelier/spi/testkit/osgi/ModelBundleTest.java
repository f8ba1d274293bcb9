package dev.atelier.spi.testkit.osgi;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertRegistersModels;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.services;

import dev.atelier.spi.model.GenerationModel;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Assert;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What every model bundle's in-container test (Pax Exam, JUnit 4) starts from: the container's bundle context, the
 * first model service (injecting it waits for the bundle to register one), and the check that the bundle registers
 * exactly its models. Extend it with the bundle's own {@code @Configuration} ({@link FelixContainer#options}) and
 * tests.
 */
public abstract class ModelBundleTest {

    @Inject
    protected BundleContext context;

    @Inject
    protected GenerationModel anyModel;

    /** The bundle's {@code Bundle-SymbolicName}, for example {@code dev.atelier.model.procedural}. */
    protected abstract String symbolicName();

    /** The descriptor ids of every model the bundle registers. */
    protected abstract String[] modelIds();

    @Test
    public void registersExactlyItsModelsWithTheBundleVersion() {
        Assert.assertNotNull("no GenerationModel service", anyModel);
        assertRegistersModels(context, symbolicName(), modelIds());
    }

    /** The bundle under test, as installed in the container. */
    protected Bundle modelBundle() {
        return installedBundle(context, symbolicName());
    }

    /** The bundle's model services by descriptor id. */
    protected Map<String, GenerationModel> models() {
        return services(context, GenerationModel.class, model -> model.descriptor().id());
    }
}
