package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminBrandingTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    private SiteHarness site;
    private Tenant alpha;
    private String admin;
    private String csrf;

    @BeforeEach
    void start() throws Exception {
        site = new SiteHarness();
        alpha = SiteHarness.tenant("alpha", "Alpha Studio", "default", "#112233", null, TenantStatus.ACTIVE,
                "alpha.localhost");
        site.tenants.put(alpha);
        site.tenants.put(SiteHarness.tenant("beta", "Beta Films", "contrast", "#aa00ff", null, TenantStatus.ACTIVE,
                "beta.localhost"));
        admin = site.signInAsAdmin(alpha);
        csrf = site.csrfToken("alpha.localhost", "/admin/branding", admin);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private Map<String, String> form(String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Alpha Reborn");
        form.put("tagline", "Brighter than before");
        form.put("theme", "contrast");
        form.put("color_primary", "#ff6600");
        form.put("color_on_primary", "#000000");
        form.put("color_accent", "#00ccff");
        form.put("color_background", "#fafafa");
        form.put("color_surface", "#ffffff");
        form.put("color_text", "#222222");
        form.put("color_muted", "#777777");
        form.put("font_heading", "'Fraunces', Georgia, serif");
        form.put("font_body", "system-ui, sans-serif");
        form.put("action", action);
        form.put("csrf", csrf);
        return form;
    }

    @Test
    void theBrandingFormShowsTheCurrentValuesAndTheThemesToAnAdmin() throws Exception {
        HttpResponse<String> page = site.get("alpha.localhost", "/admin/branding", admin);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("private", "no-store"));
        assertThat(page.body()).contains("value=\"Alpha Studio\"", "value=\"#112233\"", "broken contrast default");
        assertThat(site.get("alpha.localhost", "/admin", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminAreaSendsSignedOutVisitorsToSignInAndRefusesUsersWhoAreNoAdmins() throws Exception {
        HttpResponse<String> signedOut = site.get("alpha.localhost", "/admin");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/signin?next=%2Fadmin"));

        String user = site.signInAsUser(alpha);
        HttpResponse<String> notAdmin = site.get("alpha.localhost", "/admin", user);
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).contains("Admins only").doesNotContain("value=\"Alpha Studio\"");
        assertThat(site.get("alpha.localhost", "/admin/branding", user).statusCode()).isEqualTo(403);
        assertThat(site.postForm("alpha.localhost", "/admin/branding", user, form("save"), null).statusCode())
                .isEqualTo(403);
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
    }

    @Test
    void anAdminOfAnotherTenantIsNoAdminHere() throws Exception {
        Tenant beta = site.tenants.bySlug("beta").orElseThrow();
        String betaAdmin = site.signInAsAdmin(beta);

        assertThat(site.get("beta.localhost", "/admin", betaAdmin).statusCode()).isEqualTo(200);
        assertThat(site.get("alpha.localhost", "/admin", betaAdmin).statusCode()).isEqualTo(303);
    }

    @Test
    void previewShowsTheSubmittedValuesAndSavesNothing() throws Exception {
        HttpResponse<String> preview = site.postForm("alpha.localhost", "/admin/branding", admin, form("preview"), PNG);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("class=\"preview\" style=\"--p:#ff6600\"", "Alpha Reborn",
                "value=\"Alpha Reborn\"", "src=\"data:image/png;base64,");
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
        assertThat(site.get("alpha.localhost", "/").body()).contains("<title>Alpha Studio</title>", "#112233");
    }

    @Test
    void saveAppliesToTheLiveSiteOnTheNextRequest() throws Exception {
        assertThat(site.get("alpha.localhost", "/").body()).contains("default-index");

        HttpResponse<String> saved = site.postForm("alpha.localhost", "/admin/branding", admin, form("save"), PNG);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/admin/branding?saved=1"));
        assertThat(site.get("alpha.localhost", "/admin/branding?saved=1", admin).body()).contains("class=\"saved\"");
        String home = site.get("alpha.localhost", "/").body();
        assertThat(home).contains("<title>Alpha Reborn</title>", "--color-primary:#ff6600", "contrast-index",
                "--font-heading:'Fraunces', Georgia, serif").containsPattern("src=\"/brand/[0-9a-f]{64}\\.png\"");
        String logo = home.replaceAll("(?s).*src=\"(/brand/[0-9a-f]{64}\\.png)\".*", "$1");
        assertThat(site.getBytes("alpha.localhost", logo).body()).isEqualTo(PNG);
        assertThat(site.get("beta.localhost", logo).statusCode()).isEqualTo(404);
        assertThat(site.get("beta.localhost", "/").body()).contains("Beta Films").doesNotContain("Alpha");
    }

    @Test
    void anInvalidColourIsRejectedWith422AndAFieldError() throws Exception {
        Map<String, String> form = form("save");
        form.put("color_primary", "orange");

        HttpResponse<String> response = site.postForm("alpha.localhost", "/admin/branding", admin, form, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("data-field=\"color_primary\">Enter a colour as #rrggbb",
                "value=\"orange\"");
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
    }

    @Test
    void aNameOrTaglineWithABidiOverrideOrAControlCharacterIsRejectedWith422NamingTheField() throws Exception {
        Map<String, String> form = form("save");
        // After U+202E the rest of the name shows backwards, so this name reads "Alphaexe.png".
        form.put("name", "Alpha\u202Egnp.exe");
        form.put("tagline", "Pictures\u0000 from sentences");

        HttpResponse<String> response = site.postForm("alpha.localhost", "/admin/branding", admin, form, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains(
                "data-field=\"name\">Remove the control or invisible formatting character U+202E (character 6)",
                "data-field=\"tagline\">Remove the control or invisible formatting character U+0000 (character 9)");
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
    }

    @Test
    void emptyNameUnknownThemeAndUnsafeFontsAreRejected() throws Exception {
        Map<String, String> form = form("save");
        form.put("name", "  ");
        form.put("theme", "../default");
        form.put("font_body", "x;background:url(https://tracker.test/)");

        String body = site.postForm("alpha.localhost", "/admin/branding", admin, form, null).body();

        assertThat(body).contains("data-field=\"name\"", "data-field=\"theme\"", "data-field=\"font_body\"");
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
    }

    @Test
    void aLogoMustBeAnSvgOrPngOfAtMostOneMegabyte() throws Exception {
        HttpResponse<String> notImage = site.postForm("alpha.localhost", "/admin/branding", admin, form("save"),
                "GIF89a not an svg".getBytes(StandardCharsets.UTF_8));
        byte[] huge = Arrays.copyOf(PNG, 1024 * 1024 + 10);
        HttpResponse<String> tooBig = site.postForm("alpha.localhost", "/admin/branding", admin, form("save"), huge);

        assertThat(notImage.statusCode()).isEqualTo(422);
        assertThat(notImage.body()).contains("data-field=\"logo\">The logo must be an SVG or PNG image.");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).contains("data-field=\"logo\">The logo must be at most 1 MB.");
        assertThat(site.tenants.get(alpha.id())).isEqualTo(alpha);
    }

    @Test
    void anSvgLogoIsRecognizedByItsContent() throws Exception {
        byte[] svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        assertThat(site.postForm("alpha.localhost", "/admin/branding", admin, form("save"), svg).statusCode()).isEqualTo(303);
        assertThat(site.get("alpha.localhost", "/").body()).containsPattern("src=\"/brand/[0-9a-f]{64}\\.svg\"");
    }
}
