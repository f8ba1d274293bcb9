/**
 * Drift: a tenant's published legal document no longer discloses what its configuration now does (storage switched,
 * Google sign-in turned on, a new payment provider). {@link dev.atelier.legal.drift.LegalDrift} compares the
 * disclosure digest of each current published version with the tenant's live one and regenerates the document for
 * those that differ, with the diff against the published text; the admin area and {@code atelier legal check} show it.
 */
package dev.atelier.legal.drift;
