package dev.atelier.web.tenant;

import dev.atelier.core.tenants.Branding;

/**
 * Validated values of the branding form.
 *
 * @param name the display name
 * @param tagline one line under the name; may be empty
 * @param theme an existing theme folder name
 * @param colors every colour in {@code #rrggbb} form
 * @param fonts CSS font-family stacks
 * @param logo a new logo, or {@code null} to keep the current one
 */
public record BrandingUpdate(
        String name, String tagline, String theme, Branding.Colors colors, Branding.Fonts fonts, Logo logo) {

    /**
     * An uploaded logo, recognized by its content.
     *
     * @param contentType {@code image/svg+xml} or {@code image/png}
     * @param bytes at most 1 MB
     */
    public record Logo(String contentType, byte[] bytes) {}
}
