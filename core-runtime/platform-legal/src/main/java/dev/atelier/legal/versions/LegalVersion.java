package dev.atelier.legal.versions;

import dev.atelier.legal.LegalDraft;

/**
 * A published version with its content, exactly as it was published.
 *
 * @param info    its number, dates, publisher and mode
 * @param content the rendering that was published: template source, HTML, text, Markdown and disclosure digest
 */
public record LegalVersion(LegalVersionInfo info, LegalDraft content) {}
