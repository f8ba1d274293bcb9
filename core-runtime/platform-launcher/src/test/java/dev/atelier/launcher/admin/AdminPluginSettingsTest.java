package dev.atelier.launcher.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.core.tenants.PluginSettingsUpdate;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin settings form of the admin area, against a started platform whose tenant offers the Replicate model:
 * saving checks the settings as a tenant folder apply does, a secret is stored sealed and never shown again, and the
 * next generation calls the vendor with what was saved. Replicate's API is replayed by WireMock.
 */
class AdminPluginSettingsTest {

    private static final String SLUG = "plugstudio";
    private static final String FOLDER_TOKEN = "r8_folderToken";
    private static final String NEW_TOKEN = "r8_adminEnteredToken42";
    private static final String MODEL = "replicate-image";
    private static final String WEBHOOK_SECRET = "whsec_c2VjcmV0c2VjcmV0";
    private static final String SECRET_NAME = "PLUGSTUDIO_MODEL_REPLICATE_IMAGE_API_TOKEN";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles().wireMock()
            .bundle("model-replicate.jar", "replicate-image", "replicate-video")
            .studio(SLUG, "{id: " + MODEL + ", credits: 2, config: {api_token: " + FOLDER_TOKEN
                    + ", model: acme/painter, base_url: '" + TestPlatformBuilder.WIREMOCK_URL
                    + "', webhook_secret: " + WEBHOOK_SECRET + "}}", "")
            .build();
    private static Browser admin;

    @BeforeAll
    static void signIn() throws Exception {
        admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG, "owner@" + SLUG + ".example"));
    }

    @BeforeEach
    void startFromTheFolderSettings() {
        // Each test starts from the folder's values, whatever the one before saved.
        platform.atelier().tenants().admin().updatePluginSettings(SLUG, new PluginSettingsUpdate("models", MODEL,
                Map.of("model", "acme/painter"), Map.of("api_token", FOLDER_TOKEN, "webhook_secret", WEBHOOK_SECRET),
                Set.of()));
        platform.wireMock().resetRequests();
    }

    @Test
    void aValidValueIsSavedAndTheNextGenerationUsesIt() throws Exception {
        HttpResponse<String> saved = save(Map.of("setting.model", "acme/sculptor"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/admin/plugins?saved=1"));
        assertThat(admin.get("/admin/plugins?saved=1").body()).contains("Saved.", "value=\"acme/sculptor\"");
        assertThat(config()).containsEntry("model", "acme/sculptor").containsEntry("api_token", FOLDER_TOKEN);
        assertThat(vendorCallAfterSubmitting("acme/sculptor")).isEqualTo("Bearer " + FOLDER_TOKEN);
    }

    @Test
    void anInvalidValueIsShownWithItsProblemAndNothingChanges() throws Exception {
        Tenant before = platform.tenant(SLUG);

        HttpResponse<String> refused = save(Map.of("setting.model", "no slash here", "setting.api_token",
                NEW_TOKEN));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "-model-error\"", "of the form owner/name",
                "value=\"no slash here\"").doesNotContain(NEW_TOKEN);
        assertThat(platform.tenant(SLUG)).isEqualTo(before);
    }

    @Test
    void aNewSecretIsUsedAtOnceStoredSealedAndNeverShown() throws Exception {
        assertThat(save(Map.of("setting.api_token", NEW_TOKEN)).statusCode()).isEqualTo(303);

        assertThat(config()).containsEntry("api_token", NEW_TOKEN).containsEntry("model", "acme/painter");
        String page = admin.get("/admin/plugins").body();
        assertThat(page).doesNotContain(NEW_TOKEN).contains("name=\"setting.api_token\" type=\"password\" value=\"\"");
        Map<String, String> row = storedRow();
        assertThat(row.get("document")).doesNotContain(NEW_TOKEN).contains("${" + SECRET_NAME + "}");
        assertThat(row.get("secrets")).doesNotContain(NEW_TOKEN).contains(SECRET_NAME);
        assertThat(vendorCallAfterSubmitting("acme/painter")).isEqualTo("Bearer " + NEW_TOKEN);
    }

    @Test
    void aSecretLeftEmptyKeepsItsValueAndAnOptionalOneCanBeCleared() throws Exception {
        assertThat(save(Map.of("setting.api_token", NEW_TOKEN)).statusCode()).isEqualTo(303);

        assertThat(save(Map.of("setting.api_token", "", "setting.model", "acme/etcher", "clear.webhook_secret",
                "true")).statusCode()).isEqualTo(303);

        assertThat(config()).containsEntry("api_token", NEW_TOKEN).containsEntry("model", "acme/etcher")
                .doesNotContainKey("webhook_secret");
    }

    @Test
    void aRequiredSecretCannotBeCleared() throws Exception {
        Tenant before = platform.tenant(SLUG);

        HttpResponse<String> refused = save(Map.of("clear.api_token", "true"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("-api_token-error\"", "is required");
        assertThat(platform.tenant(SLUG)).isEqualTo(before);
    }

    @Test
    void theExportNamesAnEnteredSecretAndNeverHoldsIt(@TempDir Path dir) throws Exception {
        assertThat(save(Map.of("setting.api_token", NEW_TOKEN, "setting.model", "acme/exported")).statusCode())
                .isEqualTo(303);

        platform.atelier().tenants().folders().export(SLUG, dir);

        String exported = Files.readString(dir.resolve("tenant.yaml"));
        assertThat(exported).contains("${" + SECRET_NAME + "}", "acme/exported").doesNotContain(NEW_TOKEN);
    }

    @Test
    void aPostWithoutTheCsrfTokenOrForAPluginTheTenantDoesNotNameChangesNothing() throws Exception {
        Tenant before = platform.tenant(SLUG);
        List<Map.Entry<String, String>> noToken = List.of(Map.entry("section", "models"), Map.entry("plugin", MODEL),
                Map.entry("setting.model", "acme/intruder"));
        List<Map.Entry<String, String>> otherPlugin = new ArrayList<>(List.of(Map.entry("section", "storage"),
                Map.entry("plugin", "s3"), Map.entry("setting.bucket", "intruder")));
        otherPlugin.add(Map.entry("csrf", admin.csrfOf("/admin/plugins")));

        assertThat(admin.post("/admin/plugins", noToken).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/plugins", otherPlugin).statusCode()).isEqualTo(404);
        assertThat(platform.tenant(SLUG)).isEqualTo(before);
    }

    private static HttpResponse<String> save(Map<String, String> settings) throws Exception {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("section", "models"),
                Map.entry("plugin", MODEL), Map.entry("csrf", admin.csrfOf("/admin/plugins"))));
        fields.addAll(settings.entrySet());
        return admin.post("/admin/plugins", fields);
    }

    private static Map<String, String> config() {
        return platform.tenant(SLUG).settings().models().stream().filter(m -> m.modelId().equals(MODEL))
                .map(TenantSettings.ModelOffer::config).findFirst().orElseThrow();
    }

    /** Submits a generation and answers the Authorization header Replicate got for model {@code vendorModel}. */
    private static String vendorCallAfterSubmitting(String vendorModel) throws Exception {
        String path = "/v1/models/" + vendorModel + "/predictions";
        platform.wireMock().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"p1","model":"%s","input":{},"logs":"","output":null,"error":"stopped by the test",
                         "status":"failed","created_at":"2026-12-06T10:00:00.000Z","urls":{}}"""
                        .formatted(vendorModel))));
        User user = platform.user(SLUG, 10);
        assertThat(user.submit("{\"model\":\"" + MODEL + "\",\"prompt\":\"a lighthouse\"}").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !platform.wireMock().findAll(
                postRequestedFor(urlPathEqualTo(path))).isEmpty());
        return platform.wireMock().findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getHeader("Authorization");
    }

    /** The tenant's row as stored: its document and its secrets column. */
    private static Map<String, String> storedRow() throws Exception {
        try (Connection connection = platform.atelier().database().dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT document, secrets FROM tenant WHERE slug = ?")) {
            query.setString(1, SLUG);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Map.of("document", row.getString("document"), "secrets", row.getString("secrets"));
            }
        }
    }
}
