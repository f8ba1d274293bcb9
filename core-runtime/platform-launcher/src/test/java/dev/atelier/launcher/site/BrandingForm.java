package dev.atelier.launcher.site;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.User;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin branding form as its page sends it: multipart, since it may carry a logo, with every field filled in.
 * Fields are changed one by one; the same form can be posted again.
 */
final class BrandingForm {

    private static final String[] COLOURS = {"primary", "on_primary", "accent", "background", "surface", "text",
        "muted"};

    private final Map<String, String> fields = new LinkedHashMap<>();
    private byte[] logo;
    private byte[] favicon;

    /** A form that saves {@code name}, no tagline, the default theme, {@code colour} for every colour. */
    static BrandingForm saving(String name, String colour) {
        BrandingForm form = new BrandingForm().set("name", name).set("tagline", "").set("theme", "default");
        for (String field : COLOURS) {
            form.set("color_" + field, colour);
        }
        return form.set("font_heading", "Georgia, serif").set("font_body", "system-ui").set("action", "save");
    }

    BrandingForm set(String field, String value) {
        fields.put(field, value);
        return this;
    }

    /** Sends {@code bytes} as the uploaded logo (whatever they hold). */
    BrandingForm logo(byte[] bytes) {
        logo = bytes.clone();
        return this;
    }

    /** Sends {@code bytes} as the uploaded favicon (whatever they hold). */
    BrandingForm favicon(byte[] bytes) {
        favicon = bytes.clone();
        return this;
    }

    /** Posts the form to {@code /admin/branding} with the browser's cookies (and no CSRF token unless one was set). */
    HttpResponse<String> post(Browser admin) throws IOException, InterruptedException {
        User.Multipart form = new User.Multipart().fields(fields);
        if (logo != null) {
            form.file("logo", "logo.bin", "application/octet-stream", logo);
        }
        if (favicon != null) {
            form.file("favicon", "favicon.bin", "application/octet-stream", favicon);
        }
        return admin.post("/admin/branding", form.contentType(), form.body(), Map.of());
    }

    /** Adds the CSRF token of the browser's branding page, then posts. */
    HttpResponse<String> submit(Browser admin) throws IOException, InterruptedException {
        return set("csrf", admin.csrfOf("/admin/branding")).post(admin);
    }
}
