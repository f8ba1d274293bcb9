package dev.atelier.launcher;

import dev.atelier.web.TenantWeb;
import dev.atelier.web.api.generations.StreamHandOff;
import jakarta.servlet.Filter;
import java.util.Locale;

/**
 * What a node of the cluster does ({@code atelier.node.role}, {@code bin/atelier start --role}). Every role builds the
 * same services on the shared database; the role decides whether the node runs generation jobs and whether it serves
 * the sites and the API.
 */
public enum NodeRole {

    /** Pages, the API and the operator console, and generation jobs: a single-node installation. */
    ALL(true, true),
    /** Pages, the API and the operator console; jobs submitted here are run by worker nodes. */
    WEB(true, false),
    /** Generation jobs; answers only {@code /healthz} and {@code /readyz} (for the orchestrator that runs it). */
    WORKER(false, true);

    private final boolean servesSites;
    private final boolean runsJobs;

    NodeRole(boolean servesSites, boolean runsJobs) {
        this.servesSites = servesSites;
        this.runsJobs = runsJobs;
    }

    /** The role named {@code all}, {@code web} or {@code worker} (as the configuration key already checked). */
    public static NodeRole of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean runsJobs() {
        return runsJobs;
    }

    public boolean servesSites() {
        return servesSites;
    }

    /** For the start-up banner: {@code "web (pages and the API; jobs run on worker nodes)"}. */
    String describe() {
        return switch (this) {
            case ALL -> "all (pages, the API and generation jobs)";
            case WEB -> "web (pages and the API; jobs run on worker nodes)";
            case WORKER -> "worker (generation jobs; only /healthz and /readyz answered)";
        };
    }

    /** The servlet filters in front of Jersey for this role. */
    Filter[] filters(TenantWeb web) {
        return servesSites ? new Filter[] {web.cachedPages(), web.signedInPages(), new StreamHandOff()}
                : new Filter[] {new HealthOnlyFilter()};
    }
}
