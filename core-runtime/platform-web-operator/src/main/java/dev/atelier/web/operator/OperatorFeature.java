package dev.atelier.web.operator;

import org.glassfish.jersey.server.ResourceConfig;

/**
 * The operator's boundary: the console on the operator host (sign-in and start page) and the operator API under
 * {@code /api/v1/operator} (bundles, deployments, model previews), all behind {@link OperatorOnly}.
 */
public final class OperatorFeature {

    private OperatorFeature() {
    }

    /** Registers the console and the operator API; they use the platform's {@code PluginHost} and {@code DeploymentHistory}. */
    public static void registerIn(ResourceConfig config) {
        config.register(OperatorOnlyFilter.class);
        config.register(OperatorConsoleResource.class);
        config.register(StartPageResource.class);
        config.register(OperatorBundlesResource.class);
        config.register(OperatorDeploymentsResource.class);
        config.register(ModelPreviewResource.class);
    }
}
