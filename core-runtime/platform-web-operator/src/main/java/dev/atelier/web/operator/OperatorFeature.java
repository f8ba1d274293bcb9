package dev.atelier.web.operator;

import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The operator's boundary: the console on the operator host (sign-in and start page, rendered from
 * {@code themes/default/operator/}) and the operator API under {@code /api/v1/operator} (bundles, deployments, model
 * previews, rate-limit status), all behind {@link OperatorOnly}.
 */
public final class OperatorFeature {

    private OperatorFeature() {
    }

    /**
     * Registers the console and the operator API; they use the platform's {@code PluginHost} and
     * {@code DeploymentHistory}, and the {@code ThemeEngine} and {@code StaticFiles} of the shared web layer.
     */
    public static void registerIn(ResourceConfig config) {
        config.register(OperatorOnlyFilter.class);
        config.register(ConsoleFormFilter.class);
        config.register(OperatorConsoleResource.class);
        config.register(StartPageResource.class);
        config.register(OperatorBundlesResource.class);
        config.register(OperatorCanariesResource.class);
        config.register(BundlesPageResource.class);
        config.register(OperatorDeploymentsResource.class);
        config.register(OperatorRateLimitsResource.class);
        config.register(ModelPreviewResource.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bindAsContract(OperatorPages.class).in(Singleton.class);
            }
        });
    }
}
