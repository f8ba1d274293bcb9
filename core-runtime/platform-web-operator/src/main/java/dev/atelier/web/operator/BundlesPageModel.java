package dev.atelier.web.operator;

import dev.atelier.core.deployments.BundleCanaryStore.Canary;
import dev.atelier.core.deployments.BundleRepository.RetainedVersion;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.plugins.BundleCanaries;
import dev.atelier.plugins.BundleCanaries.Totals;
import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.CanaryFiles;
import dev.atelier.plugins.ClusterBundles;
import dev.atelier.plugins.PluginCallStats;
import dev.atelier.plugins.PluginHost;
import dev.atelier.web.operator.BundlesPage.BundleCard;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Reads the plugin host, the cluster's retained jars and its canaries into a {@link BundlesPage}. */
final class BundlesPageModel {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PluginHost host;
    private final ClusterBundles cluster;
    private final BundleCanaries canaries;
    private final TenantDirectory tenants;

    BundlesPageModel(PluginHost host, ClusterBundles cluster, BundleCanaries canaries, TenantDirectory tenants) {
        this.host = host;
        this.cluster = cluster;
        this.canaries = canaries;
        this.tenants = tenants;
    }

    BundlesPage page(String notice, String error) {
        List<BundleCard> cards = host.bundles().stream()
                .filter(jar -> !CanaryFiles.isCanary(jar.fileName()))
                .map(this::card)
                .sorted(Comparator.comparing(BundleCard::name))
                .toList();
        List<BundlesPage.TenantOption> options = tenants.all().stream()
                .map(t -> new BundlesPage.TenantOption(t.slug(), t.displayName()))
                .toList();
        return new BundlesPage(cards, options, notice, error);
    }

    /** The id of the tenant with this slug; refused with a message for the page when there is none. */
    String tenantId(String slug) {
        return tenants.bySlug(slug).map(Tenant::id)
                .orElseThrow(() -> new IllegalArgumentException("There is no tenant " + slug + "."));
    }

    private BundleCard card(BundleStatus jar) {
        String name = jar.symbolicName() == null ? jar.fileName() : jar.symbolicName();
        List<PluginCallStats.Snapshot> calls = jar.symbolicName() == null ? List.of()
                : host.callStats().of(jar.symbolicName()).stream()
                        .filter(s -> !s.key().canary() && Objects.equals(s.key().version(), jar.version()))
                        .toList();
        long count = calls.stream().mapToLong(PluginCallStats.Snapshot::calls).sum();
        long errors = calls.stream().mapToLong(PluginCallStats.Snapshot::errors).sum();
        Optional<PluginCallStats.Snapshot> lastFailure = calls.stream()
                .filter(s -> s.lastErrorAt() != null)
                .max(Comparator.comparing(PluginCallStats.Snapshot::lastErrorAt));
        String lastError = lastFailure.map(s -> s.lastError() + " (" + TIME.format(s.lastErrorAt()) + ")")
                .orElse(jar.lastError() == null ? "" : jar.lastError());
        boolean active = BundleStatus.ACTIVE.equals(jar.state());
        String health = !active ? "Not serving" : errors > 0 && errors * 10 >= count ? "Failing calls"
                : jar.lastError() != null ? "Degraded" : "Healthy";
        List<BundlesPage.VersionRow> versions = jar.symbolicName() == null ? List.of()
                : cluster.versions(jar.symbolicName()).stream().map(BundlesPageModel::version).toList();
        Optional<Canary> latest = jar.symbolicName() == null ? Optional.empty() : canaries.latest(jar.symbolicName());
        BundlesPage.CanaryCard canary = latest.filter(Canary::running)
                .flatMap(c -> canaries.comparison(c.symbolicName())).map(this::canary).orElse(null);
        String lastCanary = latest.filter(c -> !c.running())
                .map(c -> "Canary " + c.version() + " " + c.outcome() + " (" + TIME.format(c.endedAt()) + ")")
                .orElse("");
        boolean model = host.models().list().stream().anyMatch(m -> name.equals(m.bundleSymbolicName()));
        return new BundleCard(name, text(jar.version()), jar.state(), jar.services(), model, health,
                "Healthy".equals(health), count, count == 0 ? "–" : percent(errors * 100.0 / count), lastError,
                versions, canary, lastCanary);
    }

    private BundlesPage.CanaryCard canary(BundleCanaries.Comparison comparison) {
        Canary c = comparison.canary();
        String tenant = c.tenantId() == null ? null
                : tenants.byId(c.tenantId()).map(Tenant::slug).orElse(c.tenantId());
        String serves = tenant == null ? c.percent() + " % of jobs"
                : c.percent() == 0 ? "tenant " + tenant
                : "tenant " + tenant + " and " + c.percent() + " % of other jobs";
        return new BundlesPage.CanaryCard(c.version(), serves, TIME.format(c.startedAt()), side(comparison.current()),
                side(comparison.candidate()));
    }

    private static BundlesPage.Side side(Totals totals) {
        return new BundlesPage.Side(totals.calls(), totals.calls() == 0 ? "–" : percent(totals.errorPercent()),
                totals.calls() == 0 ? "–" : String.format(Locale.ROOT, "%.0f ms", totals.meanMillis()));
    }

    private static BundlesPage.VersionRow version(RetainedVersion v) {
        return new BundlesPage.VersionRow(text(v.version()), TIME.format(v.changedAt()), v.changedBy(),
                v.sha256().substring(0, 12), v.current());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f %%" : "%.1f %%", value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
