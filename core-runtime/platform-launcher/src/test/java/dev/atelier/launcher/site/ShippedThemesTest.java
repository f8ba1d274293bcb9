package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every theme the repository ships ({@code themes/}) renders every page with the platform's data model, for visitors
 * and for a signed-in admin, without one template error: a tenant on each theme, one more on the default theme.
 */
class ShippedThemesTest {

    private static final String NO_TEMPLATE_ERRORS = "All templates render without errors.";
    private static final List<String> THEMED = ownThemes();

    @RegisterExtension
    static final TestPlatform platform = tenantPerTheme(TestPlatform.builder().defaultBundles()
            .tenant("plain", tenant("plain", "Plain Co", "default", "active"))
            .tenant("paused", tenant("paused", "Paused Co", "default", "suspended")))
            .build();

    /** The shipped themes other than {@code default}. */
    private static List<String> ownThemes() {
        Path themes = TestPlatform.repositoryThemes();
        assertThat(themes.resolve("default/layout.ftlh")).as("the shipped themes folder (themes/default)").exists();
        try (Stream<Path> dirs = Files.list(themes)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> !name.equals("default")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestPlatformBuilder tenantPerTheme(TestPlatformBuilder builder) {
        THEMED.forEach(theme -> builder.tenant(theme, tenant(theme, "Themed " + theme, theme, "active")));
        return builder;
    }

    /** A tenant with all a page can show: an available model and a removed one, plans, Google sign-in, legal facts. */
    private static String tenant(String slug, String name, String theme, String status) {
        return """
                slug: %s
                name: %s
                status: %s
                support_email: support@%1$s.test
                branding: {theme: %s, tagline: "%2$s makes pictures", colors: {primary: "#0f766e"}}
                storage: {plugin: local, config: {}}
                models: [{id: procedural, credits: 2}, {id: gone, credits: 5}]
                plans:
                  - {id: creator, name: Creator, price: {amount: 1200, currency: USD}, interval: month, credits: 600,
                     features: ["600 credits a month"], highlighted: true}
                  - {id: topup-200, name: "200 credits", price: {amount: 499, currency: USD}, credits: 200}
                sign_in: {google: {client_id: "1234.apps.googleusercontent.com", client_secret: "not-a-secret"}}
                legal: {company_name: "%2$s Ltd", address: "1 Street", contact_email: "privacy@%1$s.test",
                        jurisdiction: England}
                """.formatted(slug, name, status, theme);
    }

    @Test
    void everyPageOfEveryShippedThemeRendersWithoutTemplateErrors() throws Exception {
        List<String> slugs = new ArrayList<>(THEMED);
        slugs.add("plain");
        for (String slug : slugs) {
            String host = TestPlatform.hostOf(slug);
            String name = platform.tenant(slug).displayName();
            for (String path : new String[] {"/", "/pricing", "/signup", "/signin",
                "/legal/privacy", "/legal/terms"}) {
                HttpResponse<String> page = platform.get(host, path);
                assertThat(page.statusCode()).as(host + path).isEqualTo(200);
                assertThat(page.body()).as(host + path).contains(name);
            }
            for (String path : new String[] {"/account", "/account/billing", "/create", "/gallery"}) {
                assertThat(platform.get(host, path).statusCode()).as(host + path + " signed out").isEqualTo(303);
            }
            Browser admin = platform.browser(slug).signedIn(platform.accounts().signedInAdmin(slug, "admin@" + slug
                    + ".test"));
            for (String path : new String[] {"/", "/pricing", "/create", "/gallery", "/account", "/account/billing",
                "/legal/privacy", "/legal/terms", "/admin/branding", "/admin/payments", "/admin/plans", "/admin",
                "/admin/users", "/admin/audit", "/admin/users/" + platform.accounts().byEmail(slug, "admin@" + slug
                        + ".test").orElseThrow().id()}) {
                HttpResponse<String> page = admin.get(path);
                assertThat(page.statusCode()).as("signed in " + host + path).isEqualTo(200);
                assertThat(page.body()).as("signed in " + host + path).contains(name, "/account");
            }
            assertThat(platform.get(host, "/nothing-here").statusCode()).isEqualTo(404);
            assertThat(admin.get("/admin").body()).as("template errors of " + host).contains(NO_TEMPLATE_ERRORS);
        }
    }

    @Test
    void suspendedAndPreviewPagesRenderFromTheShippedTheme() throws Exception {
        HttpResponse<String> paused = platform.get("paused.localhost", "/");
        assertThat(paused.statusCode()).isEqualTo(503);
        assertThat(paused.body()).contains("Paused Co");

        Browser admin = platform.browser("plain").signedIn(platform.accounts().signedInAdmin("plain",
                "admin@plain.test"));
        BrandingForm form = BrandingForm.saving("Plain Preview", "#abcdef").set("action", "preview");
        HttpResponse<String> preview = form.submit(admin);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Plain Preview", "#abcdef");
        assertThat(form.set("color_text", "blue").set("action", "save").post(admin).statusCode()).isEqualTo(422);
        assertThat(admin.get("/admin").body()).contains(NO_TEMPLATE_ERRORS);
    }
}
