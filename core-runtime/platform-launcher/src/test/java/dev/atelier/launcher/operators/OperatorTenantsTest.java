package dev.atelier.launcher.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's tenants, through {@code /api/v1/operator/tenants} and the console's tenants page: a tenant created
 * from JSON, a form or a folder zip serves its site at once; invalid or unsafe uploads change nothing; a suspended
 * tenant's site refuses with 503 until it is resumed.
 */
class OperatorTenantsTest {

    private static final String API = "/api/v1/operator/tenants";
    private static final String ZIP = "application/zip";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();

    @Test
    void theListShowsEveryTenantWithItsStatusUsageAndAdminLinkAPageAtATime() throws Exception {
        JsonNode all = Browser.json(platform.operator().get(API));
        List<String> slugs = slugs(all);

        assertThat(slugs).contains("auratuner", "marginalia").isSorted();
        JsonNode aura = item(all, "auratuner");
        assertThat(aura.get("status").asText()).isEqualTo("active");
        assertThat(aura.get("name").asText()).isEqualTo("AuraTuner");
        assertThat(aura.get("hosts").toString()).contains("auratuner.localhost");
        assertThat(aura.get("usage").fieldNames()).toIterable().containsExactlyInAnyOrder("users", "jobs_last_day",
                "jobs_last_month", "credits_spent_last_month");
        assertThat(aura.get("admin_url").asText()).isEqualTo("http://auratuner.localhost:" + platform.port()
                + "/admin");

        JsonNode first = Browser.json(platform.operator().get(API + "?limit=1"));
        assertThat(first.get("items")).hasSize(1);
        JsonNode second = Browser.json(platform.operator().get(API + "?limit=1&cursor="
                + first.get("next_cursor").asText()));
        assertThat(second.get("items").get(0).get("slug").asText()).isEqualTo(slugs.get(1));

        HttpResponse<String> badCursor = platform.operator().get(API + "?cursor=%25%25%25");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
    }

    @Test
    void aTenantCreatedFromJsonServesItsSiteAtOnceAndItsSlugCannotBeTakenAgain() throws Exception {
        HttpResponse<String> created = platform.operator().postJson(API, """
                {"slug": "northwind", "name": "Northwind Studio", "support_email": "help@northwind.example",
                 "host": "northwind.example", "theme": "marginalia"}""", Map.of());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(API + "/northwind");
        JsonNode view = Browser.json(created);
        assertThat(view.get("status").asText()).isEqualTo("active");
        assertThat(view.get("hosts").toString()).contains("northwind.example", "northwind.localhost");
        assertThat(platform.tenant("northwind").branding().theme()).isEqualTo("marginalia");
        HttpResponse<String> site = platform.get(TestPlatform.hostOf("northwind"), "/");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.body()).contains("Northwind Studio");

        HttpResponse<String> again = platform.operator().postJson(API, """
                {"slug": "northwind", "name": "Someone Else", "support_email": "x@else.example"}""", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("exists already");
        assertThat(platform.tenant("northwind").displayName()).isEqualTo("Northwind Studio");
    }

    @Test
    void anInvalidTenantIsRefusedWithEveryProblemAndNothingIsCreated() throws Exception {
        HttpResponse<String> refused = platform.operator().postJson(API, """
                {"slug": "brokenco", "name": "Broken", "support_email": "not an email", "theme": "Bad Theme!"}""",
                Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = Browser.json(refused);
        assertThat(problem.get("errors").toString()).contains("support_email", "an email address", "branding.theme");
        assertThat(platform.operator().get(API + "/brokenco").statusCode()).isEqualTo(404);

        HttpResponse<String> badSlug = platform.operator().postJson(API, """
                {"slug": "../etc", "name": "Escape", "support_email": "a@b.example"}""", Map.of());
        assertThat(badSlug.statusCode()).isEqualTo(422);
        assertThat(badSlug.body()).contains("slug");
    }

    @Test
    void aTenantCreatedFromAZipOfItsFolderIsTheSameAsAppliedFromTheFolder() throws Exception {
        HttpResponse<String> created = platform.operator().post(API, ZIP,
                TenantZips.folder("zipped", TenantZips.tenantYaml("zipped", "Zipped Co")), Map.of());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(platform.tenant("zipped").displayName()).isEqualTo("Zipped Co");
        assertThat(platform.tenant("zipped").hosts()).contains("zipped.example", "zipped.localhost");
        assertThat(platform.get(TestPlatform.hostOf("zipped"), "/").body()).contains("Made from a zip");
    }

    @Test
    void unsafeOrBrokenZipsAreRefusedAndChangeNothing() throws Exception {
        Path outside = Files.createTempDirectory("zip-slip-target");
        Map<String, byte[]> slip = new LinkedHashMap<>();
        slip.put("slipco/tenant.yaml", TenantZips.tenantYaml("slipco", "Slip").getBytes(StandardCharsets.UTF_8));
        slip.put("slipco/../../../../../../" + outside.toString().substring(1) + "/pwned.txt", "x".getBytes());
        HttpResponse<String> slipped = platform.operator().post(API, ZIP, TenantZips.zip(slip), Map.of());
        assertThat(slipped.statusCode()).isEqualTo(400);
        assertThat(slipped.body()).contains("outside its folder", "Nothing was changed");
        assertThat(outside.resolve("pwned.txt")).doesNotExist();
        assertThat(platform.operator().get(API + "/slipco").statusCode()).isEqualTo(404);

        HttpResponse<String> absolute = platform.operator().post(API, ZIP,
                TenantZips.zip(Map.of("/tmp/abs/tenant.yaml", "slug: abs".getBytes())), Map.of());
        assertThat(absolute.statusCode()).isEqualTo(400);

        HttpResponse<String> garbage = platform.operator().post(API, ZIP, "not a zip at all".getBytes(), Map.of());
        assertThat(garbage.statusCode()).isEqualTo(400);

        HttpResponse<String> twoTenants = platform.operator().post(API, ZIP, TenantZips.zip(Map.of(
                "one/tenant.yaml", TenantZips.tenantYaml("one", "One").getBytes(),
                "two/tenant.yaml", TenantZips.tenantYaml("two", "Two").getBytes())), Map.of());
        assertThat(twoTenants.statusCode()).isEqualTo(400);
        assertThat(twoTenants.body()).contains("exactly one tenant folder");

        HttpResponse<String> invalid = platform.operator().post(API, ZIP, TenantZips.folder("halfco",
                "slug: halfco\nname: Half\nbranding: {colors: {primary: red}}\n"), Map.of());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("halfco/tenant.yaml", "support_email", "branding.colors.primary");
        assertThat(platform.operator().get(API + "/halfco").statusCode()).isEqualTo(404);
    }

    @Test
    void anOversizedZipIsRefusedWith413() throws Exception {
        byte[] noise = new byte[1536 * 1024];
        new Random(7).nextBytes(noise);
        byte[] zip = TenantZips.zip(Map.of("bigco/tenant.yaml", TenantZips.tenantYaml("bigco", "Big").getBytes(),
                "bigco/assets/noise.bin", noise));

        HttpResponse<String> refused = platform.operator().post(API, ZIP, zip, Map.of());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(platform.operator().get(API + "/bigco").statusCode()).isEqualTo(404);
    }

    @Test
    void aSuspendedTenantsSiteAnswers503UntilItIsResumed() throws Exception {
        create("pausable", "Pausable");

        JsonNode suspended = Browser.json(platform.operator().post(API + "/pausable/suspend", "application/json",
                new byte[0], Map.of()));
        assertThat(suspended.get("status").asText()).isEqualTo("suspended");
        HttpResponse<String> page = platform.get(TestPlatform.hostOf("pausable"), "/");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Pausable is temporarily unavailable");
        HttpResponse<String> api = platform.get(TestPlatform.hostOf("pausable"), "/api/v1/me");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");

        JsonNode resumed = Browser.json(platform.operator().post(API + "/pausable/resume", "application/json", new byte[0],
                Map.of()));
        assertThat(resumed.get("status").asText()).isEqualTo("active");
        assertThat(platform.get(TestPlatform.hostOf("pausable"), "/").statusCode()).isEqualTo(200);
        assertThat(platform.operator().post(API + "/nobody/suspend", "application/json", new byte[0], Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void changesNeedTheTokenInTheHeaderAndTenantHostsDoNotServeTheApi() throws Exception {
        Browser cookieOnly = platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .setCookie(Cookies.OPERATOR, platform.accounts().operatorToken());
        assertThat(cookieOnly.get(API).statusCode()).isEqualTo(200);
        assertThat(cookieOnly.postJson(API, "{\"slug\": \"sneaky\"}", Map.of()).statusCode()).isEqualTo(403);
        assertThat(platform.browserOnHost(TestPlatform.OPERATOR_HOST).get(API).statusCode()).isEqualTo(401);
        assertThat(platform.browserOnHost(TestPlatform.hostOf("auratuner"))
                .always("Authorization", "Bearer " + platform.accounts().operatorToken()).get(API).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theConsoleCreatesSuspendsAndResumesTenantsWithItsForms() throws Exception {
        Browser console = console();
        HttpResponse<String> page = console.get("/operator/tenants");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Tenants</h1>", "aria-current=\"page\"", "href=\"/operator/bundles\"",
                "href=\"/operator/health\"", "AuraTuner", "http://auratuner.localhost:" + platform.port() + "/admin");

        HttpResponse<String> created = console.postForm("/operator/tenants", Map.of("slug", "formco", "name",
                "Form & Co", "support_email", "help@formco.example", "host", "", "theme", "default"), origin());
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(console.get(console.redirect(created)).body()).contains("Created formco.", "Form &amp; Co");

        HttpResponse<String> refused = console.postForm("/operator/tenants", Map.of("slug", "formco", "name", "X",
                "support_email", "x@x.example", "theme", "default"), origin());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("role=\"alert\"", "exists already", "value=\"formco\"");

        HttpResponse<String> invalid = console.postForm("/operator/tenants", Map.of("slug", "badmail", "name", "Bad",
                "support_email", "nope", "theme", "default"), origin());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("support_email", "an email address", "Nothing was changed");

        assertThat(console.postForm("/operator/tenants/formco/suspend", Map.of(), origin()).statusCode())
                .isEqualTo(303);
        assertThat(platform.tenant("formco").isActive()).isFalse();
        assertThat(console.get("/operator/tenants").body()).contains("/operator/tenants/formco/resume");
        assertThat(console.postForm("/operator/tenants/formco/resume", Map.of(), origin()).statusCode())
                .isEqualTo(303);
        assertThat(platform.tenant("formco").isActive()).isTrue();
    }

    @Test
    void theConsoleCreatesATenantFromAnUploadedFolderAndShowsWhyABadOneWasRefused() throws Exception {
        Browser console = console();
        String type = "multipart/form-data; boundary=" + TenantZips.BOUNDARY;

        HttpResponse<String> created = console.post("/operator/tenants/upload", type, TenantZips.multipart("folder",
                "uploaded.zip", TenantZips.folder("uploaded", TenantZips.tenantYaml("uploaded", "Uploaded"))),
                origin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        assertThat(platform.tenant("uploaded").displayName()).isEqualTo("Uploaded");

        HttpResponse<String> slipped = console.post("/operator/tenants/upload", type, TenantZips.multipart("folder",
                "evil.zip", TenantZips.zip(Map.of("../evil/tenant.yaml", "slug: evil".getBytes()))), origin());
        assertThat(slipped.statusCode()).isEqualTo(400);
        assertThat(slipped.body()).contains("role=\"alert\"", "outside its folder");
    }

    @Test
    void consoleFormsNeedTheOperatorsCookieAndTheConsolesOwnOrigin() throws Exception {
        Map<String, String> fields = Map.of("slug", "forged", "name", "Forged", "support_email", "a@forged.example");
        HttpResponse<String> anonymous = platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .postForm("/operator/tenants", fields, origin());
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(Browser.location(anonymous)).endsWith("/operator/signin");

        HttpResponse<String> foreign = console().postForm("/operator/tenants", fields,
                Map.of("Origin", "https://evil.example"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(platform.operator().get(API + "/forged").statusCode()).isEqualTo(404);
        assertThat(platform.browserOnHost(TestPlatform.OPERATOR_HOST).get("/operator/tenants").statusCode())
                .isEqualTo(303);
    }

    private static void create(String slug, String name) throws Exception {
        HttpResponse<String> created = platform.operator().postJson(API, "{\"slug\": \"" + slug + "\", \"name\": \""
                + name + "\", \"support_email\": \"help@" + slug + ".example\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    static Browser console() {
        return platform.browserOnHost(TestPlatform.OPERATOR_HOST)
                .setCookie(Cookies.OPERATOR, platform.accounts().operatorToken());
    }

    static Map<String, String> origin() {
        return Map.of("Origin", "http://" + TestPlatform.OPERATOR_HOST + ":" + platform.port());
    }

    private static List<String> slugs(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(t -> t.get("slug").asText()).toList();
    }

    private static JsonNode item(JsonNode page, String slug) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(t -> t.get("slug").asText().equals(slug)).findFirst().orElseThrow();
    }
}
