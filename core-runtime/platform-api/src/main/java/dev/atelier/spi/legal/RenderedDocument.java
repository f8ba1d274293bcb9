package dev.atelier.spi.legal;

import java.util.Objects;

/**
 * One document in the three formats the host serves.
 *
 * @param html the document's body as HTML, without {@code <html>} or {@code <body>}: the host puts it inside the
 *     tenant's theme; every value from the data escaped
 * @param text plain text, one paragraph or list item per line ({@code /legal/privacy.txt})
 * @param markdown CommonMark ({@code /legal/privacy.md})
 */
public record RenderedDocument(String html, String text, String markdown) {

    public RenderedDocument {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(markdown, "markdown");
    }
}
