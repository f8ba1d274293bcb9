package dev.atelier.web.operator;

import dev.atelier.web.operator.health.HealthFigures;
import dev.atelier.web.operator.health.HealthPageResource;
import dev.atelier.web.operator.health.NodeWorkers;
import dev.atelier.web.operator.metrics.AtelierMetrics;
import dev.atelier.web.operator.metrics.HttpMetricsFilter;
import dev.atelier.web.operator.metrics.MetricsResource;
import dev.atelier.web.operator.tenants.OperatorTenantsResource;
import dev.atelier.web.operator.tenants.TenantCatalog;
import dev.atelier.web.operator.tenants.TenantProvisioning;
import dev.atelier.web.operator.tenants.TenantsPageResource;
import dev.atelier.web.theme.Themes;
import jakarta.inject.Singleton;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The operator's boundary: the console on the operator host (sign-in, start page, tenants and health, rendered from
 * {@code themes/default/operator/}), the operator API under {@code /api/v1/operator} (bundles, deployments, tenants,
 * model previews, rate-limit status), all behind {@link OperatorOnly}, and {@code /metrics} with the HTTP timer
 * that feeds it.
 */
public final class OperatorFeature {

    private OperatorFeature() {
    }

    /**
     * Registers the console and the operator API; they use the platform's {@code PluginHost} and
     * {@code DeploymentHistory}, the {@code ThemeEngine} and {@code StaticFiles} of the shared web layer, and what
     * {@code setup} holds.
     */
    public static void registerIn(ResourceConfig config, OperatorSetup setup) {
        config.register(OperatorOnlyFilter.class);
        config.register(ConsoleFormGuard.class);
        config.register(HttpMetricsFilter.class);
        config.register(TenantsPageResource.class);
        config.register(OperatorTenantsResource.class);
        config.register(HealthPageResource.class);
        config.register(MetricsResource.class);
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
                bind(setup.catalog()).to(TenantCatalog.class);
                bind(setup.provisioning()).to(TenantProvisioning.class);
                bind(setup.themes()).to(Themes.class);
                bind(setup.figures()).to(HealthFigures.class);
                bind(setup.node()).to(NodeWorkers.class);
                bind(setup.metrics()).to(AtelierMetrics.class);
            }
        });
    }
}
