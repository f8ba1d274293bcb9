package dev.atelier.legal.drift;

import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.legal.versions.VersionDiff;
import java.util.Objects;
import java.util.Optional;

/**
 * A published document whose disclosures no longer match the tenant's configuration.
 *
 * @param published   the current published version
 * @param regenerated the document as the tenant's template and live setup render it now, dated like the published
 *                    version so the diff shows what the configuration changed; empty when the template fails to render
 * @param diff        from the published text to the regenerated one; empty with {@code regenerated}
 * @param problem     why the document could not be regenerated; empty when it was
 */
public record DriftedDocument(LegalVersionInfo published, Optional<LegalDraft> regenerated,
        Optional<VersionDiff> diff, Optional<String> problem) {

    public DriftedDocument {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(regenerated, "regenerated");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(problem, "problem");
    }

    /** The document's name ({@code privacy}, {@code terms}). */
    public String document() {
        return published.document();
    }
}
