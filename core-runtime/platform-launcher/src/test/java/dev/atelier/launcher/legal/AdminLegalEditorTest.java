package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.TenantTemplate;
import dev.atelier.launcher.Main;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legal document editor of {@code /admin/legal} over real HTTP: Preview renders an edited template in the site's
 * theme or names the problem's line and column; Publish stores the template as the tenant's own and publishes its
 * rendering once per form; a change of configuration (Google sign-in turned on) raises the drift notice on the admin
 * pages and makes {@code atelier legal check} fail until the regenerated document is published.
 */
class AdminLegalEditorTest {

    private static final String SLUG = "lumen";
    private static final String TENANT_YAML = """
            slug: lumen
            name: Lumen
            support_email: help@lumen.example
            storage: {plugin: local, config: {}}
            payment: {plugin: sandbox, config: {}}
            models: [{id: procedural, credits: 1}]
            """;
    private static final String GOOGLE_SECRET = "lumen-google-client-secret-value";
    private static final String SHORT_TERMS = """
            <@doc.title>${tenant.name} terms, in short</@doc.title>
            <@doc.p>Be kind to the other people here.</@doc.p>
            """;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles().tenant(SLUG, TENANT_YAML).build();
    private static Browser admin;

    @BeforeAll
    static void signIn() {
        admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG, "owner@lumen.example"));
    }

    @Test
    void theEditorOpensOnTheCurrentTemplateAndPreviewShowsTheRenderingWithoutPublishing() throws Exception {
        int before = versions("terms");
        String editor = admin.get("/admin/legal?edit=terms").body();
        String current = template("terms").lines().filter(line -> line.contains("doc.title")).findFirst()
                .orElseThrow();
        assertThat(editor).contains("<textarea id=\"template\" name=\"template\"",
                current.replace("<", "&lt;").replace(">", "&gt;"), "value=\"" + LocalDate.now() + "\"");

        HttpResponse<String> preview = admin.post("/admin/legal", form("terms", SHORT_TERMS, "preview",
                LocalDate.now().toString(), "notify"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"legal-preview\"", "Lumen terms, in short",
                "Be kind to the other people here.");
        assertThat(versions("terms")).isEqualTo(before);
    }

    @Test
    void aLongTemplateFullOfMarkupFitsTheForm() throws Exception {
        // About 140 KB once percent-encoded: more than other forms may send.
        String symbols = "<@doc.p>" + "\u00ab&<>\u00bb; ".repeat(5_500) + "</@doc.p>\n";
        assertThat(SHORT_TERMS.length() + symbols.length()).isLessThan(40_000);

        HttpResponse<String> preview = admin.post("/admin/legal", form("terms", SHORT_TERMS + symbols, "preview",
                LocalDate.now().toString(), "notify"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"legal-preview\"", "\u00bb;");
    }

    @Test
    void aTemplateThatFailsShowsItsLineAndColumnKeepsWhatWasTypedAndCannotBePublished() throws Exception {
        String broken = "<@doc.p>Fine.</@doc.p>\n<@doc.p>${tenant?api.class}</@doc.p>\n";
        int before = versions("terms");

        HttpResponse<String> preview = admin.post("/admin/legal", form("terms", broken, "preview", "", ""));
        HttpResponse<String> publish = admin.post("/admin/legal", form("terms", broken, "publish",
                LocalDate.now().toString(), "notify"));

        for (HttpResponse<String> refused : List.of(preview, publish)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("legal/terms.ftl, line 2, column ", "data-line=\"2\"",
                    "cannot be published", "${tenant?api.class}").doesNotContain("id=\"legal-preview\"");
        }
        assertThat(versions("terms")).isEqualTo(before);
    }

    @Test
    void aFieldErrorKeepsWhatWasTypedAndPublishesNothing() throws Exception {
        int before = versions("terms");

        HttpResponse<String> refused = admin.post("/admin/legal", form("terms", SHORT_TERMS + "<@doc.p>Typed"
                + "</@doc.p>", "publish", "next tuesday", "require"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter a date written 2026-12-01.", "value=\"next tuesday\"",
                "&lt;@doc.p&gt;Typed&lt;/@doc.p&gt;", "value=\"require\" checked");
        assertThat(versions("terms")).isEqualTo(before);
    }

    @Test
    void publishingStoresTheTemplateAndPublishesItsRenderingOnceForADoubleClick() throws Exception {
        int before = versions("terms");
        List<Map.Entry<String, String>> form = form("terms", SHORT_TERMS, "publish", "2026-12-24", "require");

        HttpResponse<String> first = admin.post("/admin/legal", form);
        HttpResponse<String> second = admin.post("/admin/legal", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(Browser.location(first)).endsWith("/admin/legal?published=terms&version=" + (before + 1));
        assertThat(Browser.location(second)).isEqualTo(Browser.location(first));
        assertThat(versions("terms")).isEqualTo(before + 1);
        assertThat(platform.atelier().legal().versions().current(platform.tenantId(SLUG), "terms").orElseThrow()
                .info()).satisfies(info -> {
            assertThat(info.effectiveDate()).isEqualTo(LocalDate.parse("2026-12-24"));
            assertThat(info.mode().key()).isEqualTo("require");
            assertThat(info.publishedBy()).isEqualTo("owner@lumen.example");
        });
        assertThat(platform.atelier().tenants().templates().find(platform.tenantId(SLUG), "legal/terms.ftl"))
                .map(TenantTemplate::source).hasValue(SHORT_TERMS);
        assertThat(template("terms")).as("later drafts and drift checks read it").isEqualTo(SHORT_TERMS);
        assertThat(platform.browser(SLUG).get("/legal/terms").body()).contains("Lumen terms, in short");
        assertThat(admin.get(admin.redirect(first)).body())
                .contains("Published.", "Terms of service, version " + (before + 1));
    }

    @Test
    void aPostWithoutTheFormTokenPublishesNothing() throws Exception {
        int before = versions("terms");
        List<Map.Entry<String, String>> form = new ArrayList<>(form("terms", SHORT_TERMS, "publish",
                LocalDate.now().toString(), "notify"));
        form.removeIf(field -> field.getKey().equals("csrf"));

        assertThat(admin.post("/admin/legal", form).statusCode()).isEqualTo(403);
        assertThat(versions("terms")).isEqualTo(before);
    }

    @Test
    void turningOnGoogleSignInRaisesTheDriftNoticeAndLegalCheckFailsUntilTheUpdateIsPublished() throws Exception {
        assertThat(admin.post("/admin/legal", form("privacy", template("privacy"), "publish",
                LocalDate.now().toString(), "notify")).statusCode()).isEqualTo(303);
        assertThat(legalCheck().code()).as(legalCheck().toString()).isZero();
        assertThat(admin.get("/admin").body()).doesNotContain("no longer matches");

        platform.changeTenantFile(SLUG, "tenant.yaml", TENANT_YAML + "sign_in: {google: {client_id: "
                + "\"1234.apps.googleusercontent.com\", client_secret: \"" + GOOGLE_SECRET + "\"}}\n");

        assertThat(admin.get("/admin").body()).contains("Your published policy no longer matches your configuration",
                "href=\"/admin/legal#drift\"");
        String page = admin.get("/admin/legal").body();
        assertThat(page).contains("Your published policy no longer matches your configuration", "Privacy policy, version",
                "Added: </span>").containsPattern("diff-added\"><span class=\"visually-hidden\">Added: </span>[^<]*Google");
        Check failed = legalCheck();
        assertThat(failed.code()).as(failed.toString()).isEqualTo(3);
        assertThat(failed.out()).contains("lumen: privacy version " + versions("privacy")
                + " no longer matches the configuration").containsPattern("(?m)^  \\+ .*Google")
                .doesNotContain(GOOGLE_SECRET);

        HttpResponse<String> published = admin.post("/admin/legal", driftForm(page));

        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/legal").body()).doesNotContain("no longer matches");
        assertThat(platform.browser(SLUG).get("/legal/privacy.txt").body()).contains("Google");
        assertThat(legalCheck().code()).isZero();
    }

    private static int versions(String document) {
        return platform.atelier().legal().versions().list(platform.tenantId(SLUG), document).size();
    }

    private static String template(String document) throws Exception {
        return platform.atelier().legalDocuments().templateSource(platform.tenant(SLUG), document);
    }

    /** The editor's form as a browser sends it, with a fresh one-time number and the form token. */
    private static List<Map.Entry<String, String>> form(String document, String template, String action,
            String effectiveDate, String mode) throws Exception {
        String editor = admin.get("/admin/legal?edit=" + document).body();
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"").matcher(editor);
        assertThat(nonce.find()).as("the editor carries a one-time number").isTrue();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("csrf", admin.csrfOf("/admin/legal")));
        fields.add(Map.entry("document", document));
        fields.add(Map.entry("nonce", nonce.group(1)));
        fields.add(Map.entry("template", template));
        fields.add(Map.entry("effective_date", effectiveDate));
        fields.add(Map.entry("mode", mode));
        fields.add(Map.entry("action", action));
        return fields;
    }

    /** The fields of the first drift notice's publish form, as the page holds them. */
    private static List<Map.Entry<String, String>> driftForm(String page) {
        String section = page.substring(page.indexOf("id=\"drift\""));
        String form = section.substring(section.indexOf("<form"), section.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")
                .matcher(form);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        fields.put("mode", "notify");
        return new ArrayList<>(fields.entrySet());
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void legalRenderPrintsAPublishedVersionFromTheInstallationsDatabase() throws Exception {
        HttpResponse<String> published = admin.post("/admin/legal", form("terms", SHORT_TERMS
                + "<@doc.p>Printed later.</@doc.p>\n", "publish", "2026-12-20", "notify"));
        int number = versions("terms");
        assertThat(published.statusCode()).isEqualTo(303);
        String text = platform.atelier().legal().versions().version(platform.tenantId(SLUG), "terms", number)
                .orElseThrow().content().text();

        Check printed = atelier("legal", "render", SLUG, "terms", "--version", "" + number);
        Check markdown = atelier("legal", "render", SLUG, "terms", "--version", "" + number, "--format", "md");
        Check missing = atelier("legal", "render", SLUG, "terms", "--version", "999");

        assertThat(printed.code()).as(printed.err()).isZero();
        assertThat(printed.out()).isEqualTo(text).contains("Printed later.");
        assertThat(markdown.out()).contains("# Lumen terms, in short");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("Lumen has published no version 999 of terms");
    }

    private record Check(int code, String out, String err) {}

    private static Check legalCheck() {
        return atelier("legal", "check");
    }

    /** Runs the command line against this installation and its database, as an operator's shell would. */
    private static Check atelier(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(platform.commandOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Check(code, out.toString(), err.toString());
    }
}
