package dev.atelier.spi.testkit.osgi;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertRegistersModels;
import static dev.atelier.spi.testkit.osgi.FelixContainer.installedBundle;
import static dev.atelier.spi.testkit.osgi.FelixContainer.services;

import dev.atelier.spi.model.GenerationModel;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Assert;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What every model bundle's in-container test (Pax Exam, JUnit 4) starts from: the container's bundle context, the
 * first model service (injecting it waits for the bundle to register one), and the check that the bundle registers
 * exactly its models. Extend it with a public no-argument constructor naming the bundle and its models, and the
 * bundle's own tests; override {@link #configuration()} (keeping {@code @Configuration}) to add container options.
 */
public abstract class ModelBundleTest {

    @Inject
    protected BundleContext context;

    @Inject
    protected GenerationModel anyModel;

    private final String symbolicName;
    private final String[] modelIds;

    /**
     * @param symbolicName the bundle's {@code Bundle-SymbolicName}, for example {@code dev.atelier.model.procedural}
     * @param modelIds the descriptor ids of every model the bundle registers
     */
    protected ModelBundleTest(String symbolicName, String... modelIds) {
        this.symbolicName = symbolicName;
        this.modelIds = modelIds.clone();
    }

    /** The container: Felix with SCR, platform-api, the test kit's helpers and the built bundle. */
    @Configuration
    public Option[] configuration() {
        return FelixContainer.options("atelier.it.bundle");
    }

    @Test
    public void registersExactlyItsModelsWithTheBundleVersion() {
        Assert.assertNotNull("no GenerationModel service", anyModel);
        assertRegistersModels(context, symbolicName, modelIds);
    }

    /** The bundle under test, as installed in the container. */
    protected Bundle modelBundle() {
        return installedBundle(context, symbolicName);
    }

    /** The bundle's model services by descriptor id. */
    protected Map<String, GenerationModel> models() {
        return services(context, GenerationModel.class, model -> model.descriptor().id());
    }
}
