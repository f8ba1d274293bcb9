package dev.atelier.core.tenants;

/**
 * New branding from the tenant admin's form.
 *
 * @param displayName the brand's name, not blank
 * @param tagline one line under the name; may be empty
 * @param theme theme folder name ({@code default} or {@code [a-z0-9][a-z0-9_-]*})
 * @param colors every colour as {@code #rrggbb}
 * @param fonts CSS font-family stacks, not blank
 */
public record BrandingUpdate(String displayName, String tagline, String theme, Branding.Colors colors,
        Branding.Fonts fonts) {}
