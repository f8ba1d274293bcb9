/**
 * Rendering a tenant's legal documents: {@link dev.atelier.legal.documents.LegalDocuments} turns the tenant's
 * template, its legal facts and the processors it really uses ({@link dev.atelier.legal.documents.TenantProcessors},
 * from its plugins and the operator's {@link dev.atelier.legal.documents.PlatformServices}) into a
 * {@link dev.atelier.legal.LegalDraft}, through the {@code LegalDocumentRenderer} plugin the tenant binds.
 */
package dev.atelier.legal.documents;
