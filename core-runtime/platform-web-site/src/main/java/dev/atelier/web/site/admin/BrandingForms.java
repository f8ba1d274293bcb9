package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.HiddenCharacters;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.BrandingStore;
import dev.atelier.web.tenant.BrandingUpdate;
import dev.atelier.web.theme.TemplateError;
import dev.atelier.web.theme.TemplateErrors;
import dev.atelier.web.theme.Themes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The branding form: its current values, validation of a submission, and the {@code admin} data of admin pages.
 *
 * @param themes the installed themes a tenant may choose from
 * @param templateErrors the template errors recorded per tenant, listed on every admin page
 * @param store where a checked submission is saved
 */
public record BrandingForms(Themes themes, TemplateErrors templateErrors, BrandingStore store) {

    static final List<String> COLOR_FIELDS = List.of("color_primary", "color_on_primary", "color_accent",
            "color_background", "color_surface", "color_text", "color_muted");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    // Font stacks land in a CSS custom property: no characters that could end it or start another declaration.
    private static final Pattern FONT_STACK = Pattern.compile("[A-Za-z0-9 ,'\"._-]{1,200}");

    /** A checked submission: {@code update} is set exactly when {@code errors} is empty. */
    record Checked(Map<String, String> errors, BrandingUpdate update) {}

    Map<String, String> currentValues(Tenant tenant) {
        Branding b = tenant.branding();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", tenant.displayName());
        form.put("tagline", b == null || b.tagline() == null ? "" : b.tagline());
        form.put("theme", themes.effective(b == null ? null : b.theme()));
        Branding.Colors c = b == null ? null : b.colors();
        List<String> colors = c == null ? List.of("", "", "", "", "", "", "")
                : List.of(c.primary(), c.onPrimary(), c.accent(), c.background(), c.surface(), c.text(), c.muted());
        for (int i = 0; i < COLOR_FIELDS.size(); i++) {
            form.put(COLOR_FIELDS.get(i), colors.get(i) == null ? "" : colors.get(i));
        }
        form.put("font_heading", b == null || b.fonts() == null ? "" : b.fonts().heading());
        form.put("font_body", b == null || b.fonts() == null ? "" : b.fonts().body());
        return form;
    }

    Checked check(Map<String, String> form, byte[] logo) {
        return check(form, logo, null);
    }

    /** {@link #check(Map, byte[])} with a favicon ({@code null}: none chosen), under the logo's rules. */
    Checked check(Map<String, String> form, byte[] logo, byte[] favicon) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.getOrDefault("name", "").strip();
        if (name.isEmpty()) {
            errors.put("name", "Enter the name people see.");
        } else if (name.length() > 80) {
            errors.put("name", "Use at most 80 characters.");
        }
        String tagline = form.getOrDefault("tagline", "").strip();
        if (tagline.length() > 200) {
            errors.put("tagline", "Use at most 200 characters.");
        }
        for (String field : List.of("name", "tagline", "font_heading", "font_body")) {
            HiddenCharacters.find(form.get(field)).ifPresent(found -> errors.putIfAbsent(field, "Remove the control"
                    + " or invisible formatting character " + found.codePoint() + " (character " + found.position()
                    + "): it would make the text show differently from what you typed."));
        }
        String theme = form.getOrDefault("theme", "").strip();
        if (!themes.exists(theme)) {
            errors.put("theme", "Choose one of the themes listed.");
        }
        for (String field : COLOR_FIELDS) {
            if (!COLOR.matcher(form.getOrDefault(field, "").strip()).matches()) {
                errors.put(field, "Enter a colour as #rrggbb, for example #7c3aed.");
            }
        }
        for (String field : List.of("font_heading", "font_body")) {
            if (!FONT_STACK.matcher(form.getOrDefault(field, "").strip()).matches()) {
                errors.put(field, "Enter a font stack such as 'Inter', system-ui, sans-serif (letters, digits, "
                        + "spaces, commas, quotes and hyphens only).");
            }
        }
        BrandingUpdate.Logo newLogo = image("logo", "The logo", logo, errors);
        BrandingUpdate.Logo newFavicon = image("favicon", "The favicon", favicon, errors);
        if (!errors.isEmpty()) {
            return new Checked(errors, null);
        }
        Branding.Colors colors = new Branding.Colors(value(form, "color_primary"), value(form, "color_on_primary"),
                value(form, "color_accent"), value(form, "color_background"), value(form, "color_surface"),
                value(form, "color_text"), value(form, "color_muted"));
        Branding.Fonts fonts = new Branding.Fonts(value(form, "font_heading"), value(form, "font_body"));
        return new Checked(Map.of(), new BrandingUpdate(name, tagline, theme, colors, fonts, newLogo, newFavicon));
    }

    // Recognized by content, never by the name or type the browser sent.
    private static BrandingUpdate.Logo image(String field, String what, byte[] bytes, Map<String, String> errors) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        Optional<String> type = LogoFormat.contentType(bytes);
        if (bytes.length > LogoFormat.MAX_BYTES) {
            errors.put(field, what + " must be at most 1 MB.");
        } else if (type.isEmpty()) {
            errors.put(field, what + " must be an SVG or PNG image.");
        } else {
            return new BrandingUpdate.Logo(type.get(), bytes);
        }
        return null;
    }

    void save(Tenant tenant, BrandingUpdate update) {
        store.save(tenant.id(), update);
    }

    /** The {@code admin} entry of an admin page's data model. */
    Map<String, Object> adminModel(Tenant tenant, String section, Map<String, String> form, Map<String, String> errors,
            boolean preview, boolean saved) {
        Map<String, Object> admin = new LinkedHashMap<>();
        admin.put("section", section);
        admin.put("templateErrors", templateErrors.of(tenant.id()).stream().map(BrandingForms::error).toList());
        admin.put("form", form);
        admin.put("errors", errors);
        admin.put("preview", preview);
        admin.put("saved", saved);
        admin.put("themes", themes.names());
        return admin;
    }

    private static Map<String, Object> error(TemplateError e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", e.file());
        map.put("line", e.line());
        map.put("message", e.message());
        map.put("at", e.at().toString());
        return map;
    }

    private static String value(Map<String, String> form, String field) {
        return form.get(field).strip();
    }
}
