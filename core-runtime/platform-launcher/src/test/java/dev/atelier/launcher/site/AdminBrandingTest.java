package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant admin rebrands the site at {@code /admin/branding}: the form shows what is live, a preview saves nothing,
 * invalid values are refused field by field, and a save is what the next visitor sees. Only the tenant's own admins
 * get in.
 */
class AdminBrandingTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final Pattern LOGO = Pattern.compile("src=\"(/brand/[0-9a-f]{64}\\.(png|svg))\"");
    private static final Pattern FAVICON = Pattern.compile("<link rel=\"icon\" href=\"(/brand/[0-9a-f]{64}\\.(png|svg))\"");
    private static final Pattern PENDING_LOGO = Pattern.compile("name=\"pending_logo\" value=\"([^\"]+)\"");
    private static final Pattern BRAND_STYLE = Pattern.compile("href=\"(/brand/style\\.css\\?scope=page[^\"]*)\"");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder()
            .tenant("alpha", """
                    slug: alpha
                    name: Alpha Studio
                    support_email: support@alpha.test
                    branding: {colors: {primary: "#112233"}}
                    """)
            .tenant("beta", """
                    slug: beta
                    name: Beta Films
                    support_email: support@beta.test
                    branding: {theme: marginalia, colors: {primary: "#aa00ff"}}
                    """)
            .build();

    private Tenant alpha;
    private Browser admin;

    @BeforeEach
    void signInAsAdmin() {
        alpha = platform.tenant("alpha");
        admin = platform.browser("alpha").signedIn(platform.accounts().signedInAdmin("alpha", "admin@alpha.test"));
    }

    @AfterEach
    void undoTheAdminsChanges() {
        platform.applyTenantFolders();
    }

    private static BrandingForm form(String action) {
        return BrandingForm.saving("Alpha Reborn", "#777777").set("tagline", "Brighter than before")
                .set("theme", "marginalia").set("color_primary", "#ff6600").set("color_on_primary", "#000000")
                .set("color_accent", "#00ccff").set("color_background", "#fafafa").set("color_text", "#222222")
                .set("font_heading", "'Fraunces', Georgia, serif").set("action", action);
    }

    @Test
    void theBrandingFormShowsTheCurrentValuesAndTheThemesToAnAdmin() throws Exception {
        HttpResponse<String> page = admin.get("/admin/branding");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("private", "no-store"));
        assertThat(page.body()).contains("value=\"Alpha Studio\"", "value=\"#112233\"",
                "<option value=\"default\" selected>default</option>",
                "<option value=\"marginalia\">marginalia</option>");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminAreaSendsSignedOutVisitorsToSignInAndRefusesUsersWhoAreNoAdmins() throws Exception {
        HttpResponse<String> signedOut = platform.get("alpha.localhost", "/admin");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(Browser.location(signedOut)).endsWith("/signin?next=%2Fadmin");

        Browser user = platform.browser("alpha").signedIn(platform.accounts().signedInUser("alpha"));
        HttpResponse<String> notAdmin = user.get("/admin");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(notAdmin.body()).contains("Admins only").doesNotContain("value=\"Alpha Studio\"");
        assertThat(user.get("/admin/branding").statusCode()).isEqualTo(403);
        assertThat(form("save").post(user).statusCode()).isEqualTo(403);
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void anAdminOfAnotherTenantIsNoAdminHere() throws Exception {
        String betaAdmin = platform.accounts().signedInAdmin("beta", "admin@beta.test");

        assertThat(platform.get("beta.localhost", "/admin", betaAdmin).statusCode()).isEqualTo(200);
        assertThat(platform.get("alpha.localhost", "/admin", betaAdmin).statusCode()).isEqualTo(303);
    }

    @Test
    void previewShowsTheSubmittedValuesAndSavesNothing() throws Exception {
        HttpResponse<String> preview = form("preview").logo(PNG).submit(admin);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("/brand/style.css?scope=preview&amp;primary=%23ff6600", "Alpha Reborn",
                "value=\"Alpha Reborn\"", "src=\"data:image/png;base64,");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
        assertThat(platform.get("alpha.localhost", "/").body()).contains("<title>Alpha Studio</title>",
                "primary=%23112233");
    }

    @Test
    void saveAppliesToTheLiveSiteOnTheNextRequest() throws Exception {
        assertThat(platform.get("alpha.localhost", "/").body()).contains("class=\"hero\"")
                .doesNotContain("class=\"title-page\"");

        HttpResponse<String> saved = form("save").logo(PNG).submit(admin);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Browser.location(saved)).endsWith("/admin/branding?saved=1");
        assertThat(admin.get("/admin/branding?saved=1").body()).contains("Your site now uses the new branding");
        String home = platform.get("alpha.localhost", "/").body();
        assertThat(home).contains("<title>Alpha Reborn</title>", "class=\"title-page\"");
        assertThat(platform.get("alpha.localhost", unescaped(find(BRAND_STYLE, home))).body())
                .contains("--color-primary: #ff6600", "--font-heading: 'Fraunces', Georgia, serif");
        String logo = find(LOGO, home);
        assertThat(logo).endsWith(".png");
        assertThat(platform.getBytes("alpha.localhost", logo).body()).isEqualTo(PNG);
        assertThat(platform.get("beta.localhost", logo).statusCode()).isEqualTo(404);
        assertThat(platform.get("beta.localhost", "/").body()).contains("Beta Films").doesNotContain("Alpha");
    }

    @Test
    void anInvalidColourIsRejectedWith422AndAFieldErrorKeepingWhatWasTyped() throws Exception {
        HttpResponse<String> response = form("save").set("color_primary", "orange").submit(admin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"color_primary-error\">Enter a colour as #rrggbb",
                "value=\"Alpha Reborn\"", "value=\"#00ccff\"");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void aNameOrTaglineWithABidiOverrideOrAControlCharacterIsRejectedWith422NamingTheField() throws Exception {
        // After U+202E the rest of the name shows backwards, so this name reads "Alphaexe.png".
        HttpResponse<String> response = form("save").set("name", "Alpha\u202Egnp.exe")
                .set("tagline", "Pictures\u0000 from sentences").submit(admin);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains(
                "id=\"name-error\">Remove the control or invisible formatting character U+202E (character 6)",
                "id=\"tagline-error\">Remove the control or invisible formatting character U+0000 (character 9)");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void emptyNameUnknownThemeAndUnsafeFontsAreRejected() throws Exception {
        String body = form("save").set("name", "  ").set("theme", "../default")
                .set("font_body", "x;background:url(https://tracker.test/)").submit(admin).body();

        assertThat(body).contains("id=\"name-error\"", "id=\"theme-error\"", "id=\"font_body-error\"");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void aLogoMustBeAnSvgOrPngOfAtMostOneMegabyte() throws Exception {
        HttpResponse<String> notImage = form("save").logo("GIF89a not an svg".getBytes(StandardCharsets.UTF_8))
                .submit(admin);
        HttpResponse<String> tooBig = form("save").logo(Arrays.copyOf(PNG, 1024 * 1024 + 10)).submit(admin);

        assertThat(notImage.statusCode()).isEqualTo(422);
        assertThat(notImage.body()).contains("id=\"logo-error\">The logo must be an SVG or PNG image.");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.body()).contains("id=\"logo-error\">The logo must be at most 1 MB.");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void anSvgLogoIsRecognizedByItsContent() throws Exception {
        byte[] svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(form("save").logo(svg).submit(admin).statusCode()).isEqualTo(303);
        assertThat(find(LOGO, platform.get("alpha.localhost", "/").body())).endsWith(".svg");
    }

    @Test
    void saveAfterPreviewKeepsTheLogoChosenForThePreview() throws Exception {
        byte[] svg = svg(64, 64, "#ff6600");
        HttpResponse<String> preview = form("preview").logo(svg).submit(admin);
        assertThat(preview.statusCode()).isEqualTo(200);
        String pending = find(PENDING_LOGO, preview.body());

        // The browser sends the form again without a file: the file input is empty after any page load.
        HttpResponse<String> saved = form("save").set("pending_logo", pending).submit(admin);

        assertThat(saved.statusCode()).isEqualTo(303);
        String logo = find(LOGO, platform.get("alpha.localhost", "/").body());
        assertThat(platform.getBytes("alpha.localhost", logo).body()).isEqualTo(svg);
    }

    @Test
    void aPendingLogoThatIsNoImageIsRefusedLikeAnUpload() throws Exception {
        HttpResponse<String> saved = form("save").set("pending_logo", "bm90IGFuIGltYWdl").submit(admin);

        assertThat(saved.statusCode()).isEqualTo(422);
        assertThat(saved.body()).contains("id=\"logo-error\">The logo must be an SVG or PNG image.");
        assertThat(platform.tenant("alpha")).isEqualTo(alpha);
    }

    @Test
    void anIconLogoKeepsTheSiteNameInTheHeaderAndAWordmarkStandsForIt() throws Exception {
        assertThat(form("save").logo(svg(64, 64, "#112233")).submit(admin).statusCode()).isEqualTo(303);
        String icon = platform.get("alpha.localhost", "/").body();
        assertThat(icon).contains("class=\"brand-logo brand-icon\"", "alt=\"\"><span class=\"wordmark wordmark-beside\">Alpha Reborn</span>");

        assertThat(form("save").logo(svg(400, 100, "#112233")).submit(admin).statusCode()).isEqualTo(303);
        String wordmark = platform.get("alpha.localhost", "/").body();
        assertThat(wordmark).contains("class=\"brand-logo\" src=\"" + find(LOGO, wordmark) + "\" alt=\"Alpha Reborn\"")
                .doesNotContain("wordmark-beside");
    }

    @Test
    void theFaviconFollowsANewLogoAndAChosenFaviconReplacesIt() throws Exception {
        assertThat(form("save").logo(svg(64, 64, "#00ccff")).submit(admin).statusCode()).isEqualTo(303);
        String page = platform.get("alpha.localhost", "/").body();
        assertThat(find(FAVICON, page)).isEqualTo(find(LOGO, page));

        byte[] png = Arrays.copyOf(PNG, 64);
        assertThat(form("save").favicon(png).submit(admin).statusCode()).isEqualTo(303);
        String after = platform.get("alpha.localhost", "/").body();

        String favicon = find(FAVICON, after);
        assertThat(favicon).endsWith(".png").isNotEqualTo(find(LOGO, after));
        assertThat(platform.getBytes("alpha.localhost", favicon).body()).isEqualTo(png);
    }

    private static byte[] svg(int width, int height, String fill) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\"><rect width=\""
                + width + "\" height=\"" + height + "\" fill=\"" + fill + "\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    // The page writes the address as HTML: the stylesheet is fetched from the address a browser reads there.
    private static String unescaped(String attribute) {
        return attribute.replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in %s", pattern, html).isTrue();
        return m.group(1);
    }
}
