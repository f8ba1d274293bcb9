package dev.atelier.core.tenants;

/**
 * How a tenant's site looks. Colours and fonts become CSS custom properties, so a tenant rebrands without templates.
 *
 * @param theme name of the theme folder under {@code themes/} ({@code default} when the tenant has none); templates
 *     missing from it fall back to {@code themes/default}
 * @param tagline one line under the brand name on the landing page
 * @param colors the palette
 * @param fonts CSS font-family stacks
 * @param logoAssetId id of the tenant asset holding the logo (SVG or PNG), or {@code null} for a text logo
 * @param faviconAssetId id of the tenant asset holding the favicon, or {@code null}
 */
public record Branding(
        String theme, String tagline, Colors colors, Fonts fonts, String logoAssetId, String faviconAssetId) {

    /**
     * The palette, each a CSS colour in {@code #rrggbb} form.
     *
     * @param primary buttons, links, highlights
     * @param onPrimary text on primary
     * @param accent secondary highlights
     * @param background page background
     * @param surface cards and panels
     * @param text body text
     * @param muted secondary text, borders
     */
    public record Colors(
            String primary, String onPrimary, String accent, String background, String surface, String text,
            String muted) {}

    /**
     * Font stacks, e.g. {@code "'Inter', system-ui, sans-serif"}. Only locally available or system fonts: the platform
     * does not load fonts from third parties (no tracking of visitors by font CDNs).
     */
    public record Fonts(String heading, String body) {}
}
