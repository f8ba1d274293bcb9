package dev.atelier.web.site.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.versions.LegalVersion;
import dev.atelier.legal.versions.LegalVersions;
import java.util.Optional;

/**
 * What {@code /legal/<document>} shows for a tenant: the current published version, or, before the tenant has
 * published one, the document as its template and live setup render it.
 */
@FunctionalInterface
public interface LegalPages {

    /**
     * The document to show.
     *
     * @throws dev.atelier.legal.documents.UnknownDocumentException when the tenant has no such document
     */
    LegalDraft current(Tenant tenant, String document) throws LegalDocumentException;

    /** The current published version where there is one, else a rendering of the live setup. */
    static LegalPages publishedOrDraft(LegalVersions versions, LegalDocuments documents) {
        return (tenant, document) -> {
            Optional<LegalVersion> published = versions.current(tenant.id(), document);
            return published.isPresent() ? published.get().content() : documents.draft(tenant, document);
        };
    }
}
