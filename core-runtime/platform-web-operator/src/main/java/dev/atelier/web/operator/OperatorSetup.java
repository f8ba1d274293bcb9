package dev.atelier.web.operator;

import dev.atelier.core.tenants.TenantModule;
import dev.atelier.plugins.PluginHost;
import dev.atelier.web.auth.Links;
import dev.atelier.web.operator.health.HealthFigures;
import dev.atelier.web.operator.health.NodeWorkers;
import dev.atelier.web.operator.metrics.AtelierMetrics;
import dev.atelier.web.operator.metrics.DatabaseMeters;
import dev.atelier.web.operator.metrics.PluginBundleMeters;
import dev.atelier.web.operator.tenants.TenantCatalog;
import dev.atelier.web.operator.tenants.TenantProvisioning;
import dev.atelier.web.operator.tenants.TenantUsages;
import dev.atelier.web.theme.Themes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the console's tenants, health and metrics need from the platform beyond the shared web layer, built once per
 * node by {@link #of}.
 *
 * @param catalog the tenants with their usage
 * @param provisioning creates, suspends and resumes tenants
 * @param themes the theme folders a new tenant may use
 * @param figures the cluster's health figures
 * @param node what this node does with generations
 * @param metrics this node's metrics registry; bind further meter sources to it
 */
public record OperatorSetup(TenantCatalog catalog, TenantProvisioning provisioning, Themes themes,
        HealthFigures figures, NodeWorkers node, AtelierMetrics metrics) {

    /**
     * @param tenants the platform's tenants
     * @param profile {@code atelier.profile}: the overlay tenant folders are applied with
     * @param environment where {@code ${NAME}} secrets of applied folders are read
     * @param dataSource the platform database
     * @param links the tenants' own addresses (for their admin links)
     * @param themes the {@code themes/} folder
     * @param node this node's role and worker threads
     * @param plugins the plugin host, whose per-bundle call figures become metrics
     */
    public static OperatorSetup of(TenantModule tenants, String profile, Map<String, String> environment,
            DataSource dataSource, Links links, Themes themes, NodeWorkers node, PluginHost plugins) {
        HealthFigures figures = new HealthFigures(dataSource);
        AtelierMetrics metrics = new AtelierMetrics(List.of(new DatabaseMeters(figures, Clock.systemUTC()),
                new PluginBundleMeters(plugins)));
        return new OperatorSetup(new TenantCatalog(tenants.directory(), new TenantUsages(dataSource), links),
                new TenantProvisioning(tenants, profile, environment), themes, figures, node, metrics);
    }
}
