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
 * @param favicon a new favicon, or {@code null}: then a new logo becomes the favicon too, and without a new logo the
 *     current favicon stays
 */
public record BrandingUpdate(
        String name, String tagline, String theme, Branding.Colors colors, Branding.Fonts fonts, Logo logo,
        Logo favicon) {

    /** An update without a new favicon. */
    public BrandingUpdate(String name, String tagline, String theme, Branding.Colors colors, Branding.Fonts fonts,
            Logo logo) {
        this(name, tagline, theme, colors, fonts, logo, null);
    }

    /**
     * An uploaded logo, recognized by its content.
     *
     * @param contentType {@code image/svg+xml} or {@code image/png}
     * @param bytes at most 1 MB
     */
    public record Logo(String contentType, byte[] bytes) {}
}
