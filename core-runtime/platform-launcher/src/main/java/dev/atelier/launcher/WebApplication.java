package dev.atelier.launcher;

import dev.atelier.billing.payments.Payments;
import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.generation.GenerationModule;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.drift.LegalDrift;
import dev.atelier.legal.versions.LegalRecords;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.PluginHost;
import dev.atelier.web.TenantWeb;
import dev.atelier.web.WebServer;
import dev.atelier.web.api.ApiFeature;
import dev.atelier.web.api.generations.ProgressStreams;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.NewAccounts;
import dev.atelier.web.health.HealthResource;
import dev.atelier.web.health.LivenessChecks;
import dev.atelier.web.health.ReadinessChecks;
import dev.atelier.web.operator.OperatorFeature;
import dev.atelier.web.operator.OperatorSetup;
import dev.atelier.web.site.SiteFeature;
import dev.atelier.web.site.legal.LegalPages;
import dev.atelier.web.tenant.DeployedPlugins;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The platform's one Jersey application: health probes, the shared tenant web layer, and the three boundaries beside
 * it (JSON API, tenant sites, operator console), with the platform services their resources are injected with.
 *
 * @param bundles this node's deploy folder kept in step with the cluster's bundle repository
 * @param canaries the cluster's bundle canaries, as this node runs them
 * @param liveness what {@code /healthz} requires (a restart is due when one fails)
 * @param streams this node's open progress event streams
 * @param legalRecords the tenants' published legal versions and their acceptances
 * @param legal the tenants' legal documents, rendered from their templates and live setup
 * @param operator what the operator console's tenants, health and metrics use
 */
record WebApplication(PluginHost plugins, ClusterBundles bundles, BundleCanaries canaries, DeploymentHistory history,
        ReadinessChecks readiness, LivenessChecks liveness, AccountServices accounts, GenerationModule generation,
        Payments payments, LegalRecords legalRecords,
        NewAccounts newAccounts, ProgressStreams streams, LegalDocuments legal, OperatorSetup operator) {

    ResourceConfig build(TenantWeb web) {
        ResourceConfig config = WebServer.base();
        config.register(HealthResource.class);
        DeployedPlugins deployed = DeployedPlugins.of(plugins);
        web.registerIn(config, deployed, accounts, newAccounts, legalRecords);
        ApiFeature.registerIn(config, streams);
        SiteFeature.registerIn(config, web, deployed);
        OperatorFeature.registerIn(config, operator);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(plugins).to(PluginHost.class);
                bind(bundles).to(ClusterBundles.class);
                bind(canaries).to(BundleCanaries.class);
                bind(web.setup().tenants()).to(TenantDirectory.class);
                bind(plugins.models()).to(ModelRegistry.class);
                bind(generation).to(GenerationModule.class);
                bind(payments).to(Payments.class);
                bind(readiness).to(ReadinessChecks.class);
                bind(liveness).to(LivenessChecks.class);
                bind(history).to(DeploymentHistory.class);
                bind(LegalPages.publishedOrDraft(legalRecords.versions(), legal)).to(LegalPages.class);
                bind(legal).to(LegalDocuments.class);
                bind(new LegalDrift(legal, legalRecords.versions())).to(LegalDrift.class);
            }
        });
        return config;
    }
}
