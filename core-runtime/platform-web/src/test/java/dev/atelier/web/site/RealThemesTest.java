package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.web.site.theme.TemplateError;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped themes (the repository's {@code themes/}) render every page with the platform's data model. */
class RealThemesTest {

    private static SiteHarness site;

    @BeforeAll
    static void start() throws Exception {
        Path themes = Path.of("../../themes").toAbsolutePath().normalize();
        assertThat(themes.resolve("default/layout.ftlh"))
                .as("the shipped themes folder (themes/default) next to core-runtime").exists();
        site = new SiteHarness(themes);
        site.tenants.put(SiteHarness.tenant("plain", "Plain Co", "default", "#7c3aed", null, TenantStatus.ACTIVE,
                "plain.localhost"));
        try (var dirs = Files.list(themes)) {
            dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> !n.equals("default"))
                    .forEach(theme -> site.tenants.put(SiteHarness.tenant(theme, "Themed " + theme, theme, "#0f766e",
                            null, TenantStatus.ACTIVE, theme + ".localhost")));
        }
        site.tenants.put(SiteHarness.tenant("paused", "Paused Co", "default", "#7c3aed", null,
                TenantStatus.SUSPENDED, "paused.localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void everyPageOfEveryShippedThemeRendersWithoutTemplateErrors() throws Exception {
        for (var tenant : site.tenants.all()) {
            if (!tenant.isActive()) {
                continue;
            }
            String host = tenant.hosts().get(0);
            for (String path : new String[] {"/", "/pricing", "/signup", "/signin", "/create", "/gallery",
                    "/account/billing", "/legal/privacy", "/legal/terms"}) {
                HttpResponse<String> page = site.get(host, path);
                assertThat(page.statusCode()).as(host + path).isEqualTo(200);
                assertThat(page.body()).as(host + path).contains(tenant.displayName());
            }
            assertThat(site.get(host, "/account").statusCode()).as(host + "/account signed out").isEqualTo(303);
            String admin = site.signInAsAdmin(tenant);
            for (String path : new String[] {"/", "/pricing", "/create", "/gallery", "/account", "/account/billing",
                    "/legal/privacy", "/legal/terms", "/admin", "/admin/branding"}) {
                HttpResponse<String> page = site.get(host, path, admin);
                assertThat(page.statusCode()).as("signed in " + host + path).isEqualTo(200);
                assertThat(page.body()).as("signed in " + host + path).contains(tenant.displayName(), "/account");
            }
            assertThat(site.get(host, "/nothing-here").statusCode()).isEqualTo(404);
            assertThat(errors(tenant.id())).as("template errors of " + host).isEmpty();
        }
    }

    @Test
    void suspendedAndPreviewPagesRenderFromTheShippedTheme() throws Exception {
        HttpResponse<String> paused = site.get("paused.localhost", "/");
        assertThat(paused.statusCode()).isEqualTo(503);
        assertThat(paused.body()).contains("Paused Co");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Plain Preview");
        form.put("tagline", "");
        form.put("theme", "default");
        for (String f : new String[] {"primary", "on_primary", "accent", "background", "surface", "text", "muted"}) {
            form.put("color_" + f, "#abcdef");
        }
        form.put("font_heading", "Georgia, serif");
        form.put("font_body", "system-ui");
        form.put("action", "preview");
        var plain = site.tenants.bySlug("plain").orElseThrow();
        String admin = site.signInAsAdmin(plain);
        form.put("csrf", site.csrfToken("plain.localhost", "/admin/branding", admin));
        HttpResponse<String> preview = site.postForm("plain.localhost", "/admin/branding", admin, form, null);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Plain Preview", "#abcdef");
        form.put("color_text", "blue");
        form.put("action", "save");
        assertThat(site.postForm("plain.localhost", "/admin/branding", admin, form, null).statusCode())
                .isEqualTo(422);
        assertThat(errors(plain.id())).isEmpty();
    }

    private static java.util.List<TemplateError> errors(String tenantId) {
        return site.sites.templateErrors(tenantId);
    }
}
