package dev.atelier.web.site.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;

/**
 * What {@code /legal/<document>} shows for a tenant: today the document as its template and live setup render it;
 * once versions are published, the current published version.
 */
@FunctionalInterface
public interface LegalPages {

    /**
     * The document to show.
     *
     * @throws dev.atelier.legal.documents.UnknownDocumentException when the tenant has no such document
     */
    LegalDraft current(Tenant tenant, String document) throws LegalDocumentException;
}
