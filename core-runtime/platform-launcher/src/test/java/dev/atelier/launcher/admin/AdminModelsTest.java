package dev.atelier.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.SignUp;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.AccountServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The models page of the tenant admin area, against a started platform with the demo tenants. */
class AdminModelsTest {

    private static final String SLUG = "auratuner";
    private static final String HOST = SLUG + ".localhost";
    private static final String IMAGE_JSON = """
            {"model":"procedural","prompt":"a lighthouse at dusk","parameters":{"width":128,"height":128}}""";
    private static final String VIDEO_JSON = """
            {"model":"procedural-video","prompt":"waves","parameters":{"width":128,"height":128,"duration_seconds":1}}""";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    private static Browser admin;
    private static String tenantId;

    @BeforeAll
    static void start() throws Exception {
        tenantId = platform.tenantId(SLUG);
        String session = platform.accounts().signedInAdmin(SLUG, "owner@auratuner.example");
        admin = platform.browser(SLUG).signedIn(session);
        String adminId = platform.atelier().accounts().accounts().findByEmail(tenantId, "owner@auratuner.example")
                .orElseThrow().id();
        platform.atelier().generation().ledger().grant(tenantId, adminId, 10_000, "Test credits", null,
                "test:admin-credits");
    }

    @BeforeEach
    void offerBothModels() throws Exception {
        assertThat(save(form(List.of("procedural", "procedural-video"), Map.of("procedural", "1",
                "procedural-video", "3"), "50", "100")).statusCode()).isEqualTo(303);
    }

    @Test
    void listsEveryDeployedModelWithItsPriceAndTheLimits() throws Exception {
        HttpResponse<String> page = admin.get("/admin/models");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"procedural\"", "value=\"procedural-video\"",
                "name=\"price.procedural-video\"", "name=\"max_jobs_per_user\"", "value=\"50\"", "href=\"/admin/models\"");
    }

    @Test
    void aModelSwitchedOffLeavesTheCreatePageAndItsSubmissionsAreRefused() throws Exception {
        HttpResponse<String> saved = save(form(List.of("procedural"), Map.of("procedural", "1",
                "procedural-video", "3"), "50", "100"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/admin/models?saved=1"));
        assertThat(admin.get("/admin/models?saved=1").body()).contains("Saved.");
        String create = admin.get("/create").body();
        assertThat(create).contains("name=\"model\" value=\"procedural\"")
                .doesNotContain("name=\"model\" value=\"procedural-video\"");
        assertThat(admin.postJson("/api/v1/generations", VIDEO_JSON).statusCode()).isEqualTo(422);
    }

    @Test
    void aNewPriceIsWhatTheNextGenerationHolds() throws Exception {
        assertThat(save(form(List.of("procedural", "procedural-video"), Map.of("procedural", "7",
                "procedural-video", "3"), "50", "100")).statusCode()).isEqualTo(303);

        HttpResponse<String> submitted = admin.postJson("/api/v1/generations", IMAGE_JSON);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        assertThat(submitted.body()).contains("\"credits\":7");
        assertThat(tenant().settings().credits().maxConcurrentJobsPerUser()).isEqualTo(50);
    }

    @Test
    void aModelWhoseBundleIsGoneIsShownUnavailableAndKeptWhenTheFormIsSaved() throws Exception {
        platform.atelier().tenants().admin().updateModels(SLUG, List.of(new TenantSettings.ModelOffer("procedural", 1),
                new TenantSettings.ModelOffer("vanished-model", 12)), tenant().settings().credits());

        assertThat(admin.get("/admin/models").body()).contains("vanished-model", "unavailable (bundle not deployed)");
        assertThat(save(form(List.of("procedural"), Map.of("procedural", "2", "procedural-video", "3"), "5", "10"))
                .statusCode()).isEqualTo(303);

        assertThat(tenant().settings().models()).extracting(TenantSettings.ModelOffer::modelId,
                TenantSettings.ModelOffer::credits).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("procedural", 2),
                        org.assertj.core.groups.Tuple.tuple("vanished-model", 12));
    }

    @Test
    void invalidValuesAreRefusedWithTheirFieldsNamedAndNothingChanges() throws Exception {
        Tenant before = tenant();

        HttpResponse<String> refused = save(form(List.of("procedural", "procedural-video"), Map.of("procedural",
                "100001", "procedural-video", "-1"), "0", "lots"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "id=\"price.procedural-error\"",
                "id=\"price.procedural-video-error\"", "id=\"max_jobs_per_user-error\"",
                "id=\"max_jobs_per_tenant-error\"");
        assertThat(tenant()).isEqualTo(before);
    }

    @Test
    void priceStepsSavedOnTheFormSetWhatEachSizeHolds() throws Exception {
        List<Map.Entry<String, String>> fields = form(List.of("procedural", "procedural-video"),
                Map.of("procedural", "4", "procedural-video", "6"), "50", "100");
        List.of(step("procedural", 0, "256x256", "1"), step("procedural", 1, "1024 x 1024", "2"),
                step("procedural", 2, "", ""), step("procedural-video", 0, "2s", "3"),
                step("procedural-video", 1, "", "")).forEach(fields::addAll);

        assertThat(save(fields).statusCode()).isEqualTo(303);
        HttpResponse<String> small = admin.postJson("/api/v1/generations", IMAGE_JSON);
        HttpResponse<String> large = admin.postJson("/api/v1/generations", """
                {"model":"procedural","prompt":"a lighthouse at dusk","parameters":{"width":1200,"height":1000}}""");
        HttpResponse<String> video = admin.postJson("/api/v1/generations", VIDEO_JSON);

        assertThat(tenant().settings().models().get(0).steps()).containsExactly(new PriceStep("256x256", 1),
                new PriceStep("1024x1024", 2));
        assertThat(small.body()).as(small.body()).contains("\"credits\":1");
        assertThat(large.body()).as(large.body()).contains("\"credits\":4");
        assertThat(video.body()).as(video.body()).contains("\"credits\":3");
        String page = admin.get("/admin/models").body();
        assertThat(page).contains("name=\"steps.procedural.0.up_to\"", "value=\"256x256\"", "value=\"1024x1024\"",
                "name=\"steps.procedural.3.up_to\"", "name=\"steps.procedural-video.2.credits\"");
        assertThat(page).doesNotContain("name=\"steps.procedural.4.up_to\"");
    }

    @Test
    void badPriceStepsAreRefusedWithTheirFieldsNamedAndNothingChanges() throws Exception {
        List<Map.Entry<String, String>> steps = form(List.of("procedural", "procedural-video"),
                Map.of("procedural", "4", "procedural-video", "6"), "50", "100");
        List.of(step("procedural", 0, "1024x1024", "2"), step("procedural", 1, "512x512", "1"),
                step("procedural-video", 0, "big", "3"), step("procedural-video", 1, "4s", "-2"))
                .forEach(steps::addAll);
        List<Map.Entry<String, String>> lengthOnImage = form(List.of("procedural"), Map.of("procedural", "4"), "50",
                "100");
        lengthOnImage.addAll(step("procedural", 0, "4s", "1"));
        Tenant before = tenant();

        HttpResponse<String> refused = save(steps);
        HttpResponse<String> refusedUnit = save(lengthOnImage);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "id=\"steps.procedural.1.up_to-error\"",
                "id=\"steps.procedural-video.0.up_to-error\"", "id=\"steps.procedural-video.1.credits-error\"",
                "must be larger (in pixels) than 1024x1024", "value=\"big\"");
        assertThat(refused.body()).doesNotContain("id=\"steps.procedural.0.up_to-error\"");
        assertThat(refusedUnit.statusCode()).isEqualTo(422);
        assertThat(refusedUnit.body()).contains("id=\"steps.procedural.0.up_to-error\"", "has no length setting");
        assertThat(tenant()).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Tenant before = tenant();
        List<Map.Entry<String, String>> fields = new ArrayList<>(form(List.of("procedural"),
                Map.of("procedural", "9"), "3", "3"));

        HttpResponse<String> refused = admin.post("/admin/models", fields);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(tenant()).isEqualTo(before);
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefused() throws Exception {
        AccountServices accounts = platform.atelier().accounts();
        Account account = accounts.accounts().findByEmail(tenantId, "visitor@example.com").orElseGet(() -> {
            SignUp signUp = accounts.accounts().signUp(tenantId, "visitor@example.com", "a long user passphrase",
                    "Visitor");
            return accounts.accounts().verifyEmail(tenantId, signUp.verificationToken()).orElseThrow();
        });
        Browser user = platform.browser(SLUG).signedIn(
                accounts.sessions().start(tenantId, account.id(), "test", "127.0.0.1").cookieValue());
        Tenant before = tenant();
        List<Map.Entry<String, String>> fields = new ArrayList<>(form(List.of("procedural"),
                Map.of("procedural", "9"), "3", "3"));
        fields.add(Map.entry("csrf", user.csrfOf("/account")));

        assertThat(user.get("/admin/models").statusCode()).isEqualTo(403);
        assertThat(user.post("/admin/models", fields).statusCode()).isEqualTo(403);
        assertThat(user.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(tenant()).isEqualTo(before);
    }

    private static HttpResponse<String> save(List<Map.Entry<String, String>> fields) throws Exception {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        withToken.add(Map.entry("csrf", admin.csrfOf("/admin/models")));
        return admin.post("/admin/models", withToken);
    }

    private static List<Map.Entry<String, String>> form(List<String> enabled, Map<String, String> prices,
            String perUser, String perTenant) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        enabled.forEach(id -> fields.add(Map.entry("enabled", id)));
        prices.forEach((id, price) -> fields.add(Map.entry("price." + id, price)));
        fields.add(Map.entry("max_jobs_per_user", perUser));
        fields.add(Map.entry("max_jobs_per_tenant", perTenant));
        return fields;
    }

    private static List<Map.Entry<String, String>> step(String model, int row, String upTo, String credits) {
        return List.of(Map.entry("steps." + model + "." + row + ".up_to", upTo),
                Map.entry("steps." + model + "." + row + ".credits", credits));
    }

    private static Tenant tenant() {
        return platform.atelier().tenants().directory().bySlug(SLUG).orElseThrow();
    }
}
