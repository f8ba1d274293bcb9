package dev.atelier.web.operator;

import dev.atelier.core.deployments.BundleCanaryStore.Canary;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.plugins.BundleCanaries.Comparison;
import dev.atelier.plugins.BundleCanaries.Totals;
import java.time.Instant;
import java.util.Optional;

/**
 * A canary as the operator API and console show it: whom it serves, how it ended, and while it runs this node's
 * counts of it beside the current version's since it started.
 *
 * @param tenant the slug of the tenant all of whose jobs it serves, or {@code null}
 * @param outcome how it ended, or {@code null} while it runs
 * @param current the current version's calls on this node since the canary started; {@code null} once it ended
 * @param canary the canary's calls on this node; {@code null} once it ended
 */
public record CanaryView(String symbolicName, String version, String tenant, int percent, boolean running,
        Instant startedAt, String startedBy, Instant endedAt, String outcome, Side current, Side canary) {

    /**
     * One side of the comparison.
     *
     * @param errorPercent errors per hundred calls, 0 without calls
     * @param meanMillis mean call duration
     */
    public record Side(long calls, long errors, double errorPercent, double meanMillis) {

        static Side of(Totals totals) {
            return new Side(totals.calls(), totals.errors(), Math.round(totals.errorPercent() * 10) / 10.0,
                    Math.round(totals.meanMillis() * 10) / 10.0);
        }
    }

    static CanaryView of(Canary c, Optional<Comparison> comparison, TenantDirectory tenants) {
        String slug = c.tenantId() == null ? null
                : tenants.byId(c.tenantId()).map(Tenant::slug).orElse(c.tenantId());
        Optional<Comparison> live = comparison.filter(x -> x.canary().id() == c.id());
        return new CanaryView(c.symbolicName(), c.version(), slug, c.percent(), c.running(), c.startedAt(),
                c.startedBy(), c.endedAt(), c.outcome(), live.map(x -> Side.of(x.current())).orElse(null),
                live.map(x -> Side.of(x.candidate())).orElse(null));
    }
}
