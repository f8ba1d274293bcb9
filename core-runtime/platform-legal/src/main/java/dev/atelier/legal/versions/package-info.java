/**
 * Published versions of a tenant's legal documents and who accepted which.
 *
 * <p>{@link dev.atelier.legal.versions.LegalVersions} publishes a {@link dev.atelier.legal.LegalDraft} as the next
 * immutable version of its document (numbered from 1 per tenant and document), reads versions back and diffs two of
 * them. {@link dev.atelier.legal.versions.Acceptances} records acceptances (in the accounts module's consent records,
 * once per version and account) and says, per signed-in account, which documents it must accept before generating or
 * buying ({@link dev.atelier.legal.versions.NoticeMode#REQUIRE}) and which new versions to announce with a banner
 * ({@link dev.atelier.legal.versions.NoticeMode#NOTIFY}). Every method takes the tenant id first.
 */
package dev.atelier.legal.versions;
