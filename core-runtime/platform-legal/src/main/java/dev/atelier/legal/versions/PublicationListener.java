package dev.atelier.legal.versions;

/**
 * Told of each version after it was published (committed). Must return quickly: the publish waits for it, so work
 * that grows with the tenant's users (notice emails) goes to a background thread. A listener that throws is logged;
 * the version stays published.
 */
@FunctionalInterface
public interface PublicationListener {

    /** Nothing happens after a publish. */
    PublicationListener NONE = (tenantId, version) -> { };

    void published(String tenantId, LegalVersionInfo version);
}
