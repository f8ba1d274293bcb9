package dev.atelier.legal;

import java.util.Objects;

/**
 * One rendering of a tenant's legal document, ready to show or to publish as a version.
 *
 * @param document         the document's kind as it appears in its URL, e.g. {@code privacy} or {@code terms}
 * @param templateSource   the template it was rendered from, kept with a published version so it can be re-read
 * @param html             the body shown inside the tenant's theme
 * @param text             plain text ({@code /legal/<document>.txt})
 * @param markdown         Markdown ({@code /legal/<document>.md})
 * @param disclosureDigest a digest of the facts and third parties the rendering disclosed; when the tenant's live
 *                         setup renders a different digest than the published version's, the policy has drifted
 */
public record LegalDraft(String document, String templateSource, String html, String text, String markdown,
                         String disclosureDigest) {
    public LegalDraft {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(templateSource, "templateSource");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(disclosureDigest, "disclosureDigest");
    }
}
