package dev.atelier.web.operator;

import java.util.List;

/**
 * What {@code operator/bundles.ftlh} shows: every bundle with its health and calls, its retained versions, its canary,
 * and the forms that change them. Public records, so the template reads their components by name.
 *
 * @param bundles the deployed bundles, sorted by name
 * @param tenants the tenants a canary can serve
 * @param notice what the last action did, or an empty string
 * @param error why the last action was refused, or an empty string
 */
public record BundlesPage(List<BundleCard> bundles, List<TenantOption> tenants, String notice, String error) {

    public BundlesPage {
        bundles = List.copyOf(bundles);
        tenants = List.copyOf(tenants);
    }

    /**
     * One bundle.
     *
     * @param name its symbolic name, or its file name when it has none
     * @param model whether it serves generation models (only those can run a canary)
     * @param health "Healthy", "Failing calls", "Not serving"...; {@code healthy} says which colour
     * @param errorRate errors per call on this node since start, as text ("0 %", "12.5 %"), or "–" without calls
     * @param lastError the last failed call or deploy problem, with its time when known, or an empty string
     * @param versions the jars the cluster keeps of it, newest first
     * @param canary its running canary, or null
     * @param lastCanary how its last canary ended, or an empty string
     */
    public record BundleCard(String name, String version, String state, List<String> services, boolean model,
            String health,
            boolean healthy, long calls, String errorRate, String lastError, List<VersionRow> versions,
            CanaryCard canary, String lastCanary) {

        public BundleCard {
            services = List.copyOf(services);
            versions = List.copyOf(versions);
        }

        /** An id usable in HTML ids and fragments. */
        public String anchor() {
            return "bundle-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    /** One retained jar; {@code current} when the cluster runs it. */
    public record VersionRow(String version, String deployedAt, String deployedBy, String sha, boolean current) {}

    /**
     * A running canary beside the current version, as this node counted them since it started.
     *
     * @param serves whom it serves, for people ("tenant auratuner and 10 % of other jobs")
     */
    public record CanaryCard(String version, String serves, String startedAt, Side current, Side canary) {}

    /** One side of the canary comparison. */
    public record Side(long calls, String errorRate, String meanLatency) {}

    /** A tenant to pick for a canary. */
    public record TenantOption(String slug, String name) {}
}
