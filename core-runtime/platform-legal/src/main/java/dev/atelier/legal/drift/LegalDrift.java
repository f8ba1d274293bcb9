package dev.atelier.legal.drift;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.UnknownDocumentException;
import dev.atelier.legal.versions.LegalVersion;
import dev.atelier.legal.versions.LegalVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a tenant's published legal documents drifted: the disclosure digest of the tenant's live setup (its facts
 * and processors, never the wording or the date) differs from the one the current version was published with. A
 * document without a published version cannot drift, nor can one whose template the tenant no longer has. Thread-safe.
 */
public final class LegalDrift {

    private final LegalDocuments documents;
    private final LegalVersions versions;

    public LegalDrift(LegalDocuments documents, LegalVersions versions) {
        this.documents = documents;
        this.versions = versions;
    }

    /** The names of the drifted documents, comparing digests only (nothing is rendered): cheap enough for a page. */
    public List<String> driftedNames(Tenant tenant) {
        return published(tenant).stream().map(version -> version.info().document()).toList();
    }

    /** The drifted documents, each regenerated with its diff against the published text. */
    public List<DriftedDocument> of(Tenant tenant) {
        List<DriftedDocument> drifted = new ArrayList<>();
        for (LegalVersion version : published(tenant)) {
            drifted.add(regenerate(tenant, version));
        }
        return drifted;
    }

    private DriftedDocument regenerate(Tenant tenant, LegalVersion version) {
        try {
            LegalDraft draft = documents.draft(tenant, version.info().document(), version.info().effectiveDate());
            return new DriftedDocument(version.info(), Optional.of(draft),
                    versions.diffToDraft(tenant.id(), draft), Optional.empty());
        } catch (LegalDocumentException e) {
            return new DriftedDocument(version.info(), Optional.empty(), Optional.empty(),
                    Optional.of(e.getMessage()));
        }
    }

    // The current versions whose digest differs from the live one.
    private List<LegalVersion> published(Tenant tenant) {
        List<LegalVersion> drifted = new ArrayList<>();
        for (String document : versions.documents(tenant.id())) {
            Optional<String> live = liveDigest(tenant, document);
            if (live.isEmpty()) {
                continue;
            }
            versions.current(tenant.id(), document)
                    .filter(current -> !current.info().disclosureDigest().equals(live.get()))
                    .ifPresent(drifted::add);
        }
        return drifted;
    }

    private Optional<String> liveDigest(Tenant tenant, String document) {
        try {
            return Optional.of(documents.disclosureDigest(tenant, document));
        } catch (UnknownDocumentException e) {
            return Optional.empty();
        }
    }
}
