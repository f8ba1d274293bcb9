package dev.atelier.web.theme;

import java.time.Instant;

/**
 * A template that failed to render for a tenant; the page was served from {@code themes/default} instead.
 *
 * @param file where the broken template lives, e.g. {@code themes/aurora/index.ftlh} or {@code templates/index.ftlh
 *     (tenant folder)}
 * @param line 1-based line of the error, 0 when unknown
 * @param message what FreeMarker reported, first lines only
 * @param at when it last happened
 */
public record TemplateError(String file, int line, String message, Instant at) {}
