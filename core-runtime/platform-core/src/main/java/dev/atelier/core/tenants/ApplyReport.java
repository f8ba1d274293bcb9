package dev.atelier.core.tenants;

import java.util.List;

/**
 * What applying tenant folders did, one entry per tenant in slug order.
 *
 * @param changes the outcome for each tenant folder
 */
public record ApplyReport(List<Change> changes) {

    public ApplyReport {
        changes = List.copyOf(changes);
    }

    /**
     * What happened to one tenant. {@code SKIPPED}: only from {@link TenantFolders#applyChanged}, the folder had not
     * changed since it was last applied, so the tenant (admin edits included) was left as it is.
     */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    /** The outcome for the tenant {@code slug}. */
    public record Change(String slug, Outcome outcome) {}

    /** The outcome for {@code slug}, or {@code null} when it was not applied. */
    public Outcome outcome(String slug) {
        return changes.stream().filter(c -> c.slug().equals(slug)).map(Change::outcome).findFirst().orElse(null);
    }
}
