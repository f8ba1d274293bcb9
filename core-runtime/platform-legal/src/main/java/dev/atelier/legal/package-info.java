/**
 * A tenant's legal documents (privacy policy, terms of service, and any other kind a template defines).
 *
 * <p>{@code dev.atelier.legal.documents} renders a document from the tenant's template and its live setup (the
 * third parties it discloses are computed from the plugins and services the tenant uses); {@code
 * dev.atelier.legal.versions} keeps every published version immutable and records who accepted which.
 * {@link dev.atelier.legal.LegalDraft} is what passes between them: a rendering ready to publish.
 */
package dev.atelier.legal;
