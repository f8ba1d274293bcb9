package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.core.secrets.SecretBox;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Tenant folders checked against the settings schemas of the plugins deployed when they are applied. */
@ExtendWith(TestPostgresExtension.class)
class TenantPluginSettingsTest {

    private static final SettingsSchema S3 = SettingsSchema.of(
            Setting.text("bucket").required().matching("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "a bucket name"),
            Setting.text("region"), Setting.url("endpoint"), Setting.text("access_key_id").required(),
            Setting.secret("secret_access_key").required());
    private static final SettingsSchema OPENAI = SettingsSchema.of(Setting.secret("api_key").required());

    /** What is deployed: an s3 storage plugin and the openai-images model; procedural and local are not. */
    private static final PluginSchemas DEPLOYED = (section, id) -> Optional.ofNullable(
            Map.of("storage/s3", S3, "models/openai-images", OPENAI).get(section + "/" + id));

    @TempDir
    Path workDir;

    private TenantFixture fixture;
    private TenantModule module;
    private Path alpha;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new TenantFixture(database, workDir);
        module = new TenantModule(fixture.database, new SecretBox(new byte[32]), "localhost", PluginUrls.strict(),
                DEPLOYED);
        alpha = fixture.folder("valid", "alpha");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void settingsThatDoNotFitADeployedPluginAreRejectedNamingTheFileAndKey() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("bucket: alpha-media", "bucket: Alpha_Media, colour: red"));

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> module.folders(TenantFixture.ENVIRONMENT).apply(List.of(alpha), "production"));

        assertThat(rejected.problems()).extracting(ConfigProblem::toString).containsExactly(
                "alpha/tenant.yaml:storage.config.bucket: must be a bucket name (plugin s3)",
                "alpha/tenant.yaml:storage.config.colour: is not a setting of this plugin; its settings are bucket,"
                        + " region, endpoint, access_key_id, secret_access_key (plugin s3)",
                "alpha/tenant.yaml:models[1].config.api_key: is required (plugin openai-images)");
        assertThat(module.directory().bySlug("alpha")).isEmpty();
    }

    @Test
    void settingsOfPluginsNotDeployedAreKeptUnchecked() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {id: openai-images}",
                "  - {id: openai-images, config: {api_key: \"${ALPHA_STRIPE_SECRET}\"}}"));

        // The local overlay names the local storage plugin, which is not deployed: its "root" is not checked.
        module.folders(TenantFixture.ENVIRONMENT).apply(List.of(alpha), "local");

        assertThat(module.directory().bySlug("alpha").orElseThrow().settings().storage().config())
                .containsEntry("root", "data/media/alpha");
    }

    @Test
    void secretsAreCheckedWithTheirValueFromTheEnvironment() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {id: openai-images}",
                "  - {id: openai-images, config: {api_key: \"${ALPHA_EMPTY_KEY}\"}}"));
        Map<String, String> environment = new HashMap<>(TenantFixture.ENVIRONMENT);
        environment.put("ALPHA_EMPTY_KEY", " ");

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> module.folders(environment).apply(List.of(alpha), "production"));

        assertThat(rejected.problems()).extracting(ConfigProblem::toString).containsExactly(
                "alpha/tenant.yaml:models[1].config.api_key: is required (plugin openai-images)");
    }

    @Test
    void settingsSavedByAnAdminAreCheckedAsAFolderIsAndRefusedWhole() throws Exception {
        applyWithOpenAiKey();
        Tenant before = module.directory().bySlug("alpha").orElseThrow();

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> module.admin().updatePluginSettings("alpha", new PluginSettingsUpdate("storage", "s3",
                        Map.of("bucket", "Alpha_Media", "region", "eu", "colour", "red"),
                        Map.of("secret_access_key", "a-new-r2-secret"), Set.of())));

        assertThat(rejected.problems()).extracting(ConfigProblem::toString).containsExactly(
                "storage.config.bucket: must be a bucket name (plugin s3)",
                "storage.config.colour: is not a setting of this plugin; its settings are bucket, region, endpoint,"
                        + " access_key_id, secret_access_key (plugin s3)");
        assertThat(module.directory().bySlug("alpha").orElseThrow()).isEqualTo(before);
    }

    @Test
    void aSecretSavedByAnAdminIsSealedUnderItsOwnNameAndExportedAsAReference() throws Exception {
        applyWithOpenAiKey();

        module.admin().updatePluginSettings("alpha", new PluginSettingsUpdate("storage", "s3",
                Map.of("region", "weur"), Map.of("secret_access_key", "a-new-r2-secret"), Set.of()));
        module.folders(TenantFixture.ENVIRONMENT).export("alpha", workDir.resolve("export"));

        assertThat(module.directory().bySlug("alpha").orElseThrow().settings().storage().config())
                .containsEntry("secret_access_key", "a-new-r2-secret").containsEntry("region", "weur")
                .containsEntry("access_key_id", "alpha-r2-key-id");
        String exported = Files.readString(workDir.resolve("export/tenant.yaml"));
        assertThat(exported).contains("${ALPHA_STORAGE_SECRET_ACCESS_KEY}", "${ALPHA_R2_KEY_ID}")
                .doesNotContain("a-new-r2-secret", "ALPHA_R2_SECRET}");
    }

    @Test
    void aSecretLeftOutKeepsItsValueAndAPluginNotDeployedCannotBeSaved() throws Exception {
        applyWithOpenAiKey();

        module.admin().updatePluginSettings("alpha", new PluginSettingsUpdate("models", "openai-images", Map.of(),
                Map.of("api_key", ""), Set.of()));
        InvalidTenantConfigException notDeployed = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> module.admin().updatePluginSettings("alpha", new PluginSettingsUpdate("bot_protection",
                        "turnstile", Map.of("site_key", "0x4BBB"), Map.of(), Set.of())));

        assertThat(module.directory().bySlug("alpha").orElseThrow().settings().models().get(1).config())
                .containsEntry("api_key", "sk_live_alpha_stripe_secret");
        assertThat(notDeployed.problems()).extracting(ConfigProblem::toString).containsExactly(
                "bot_protection.config: plugin turnstile is not deployed right now; its settings can be changed once"
                        + " it is");
    }

    private void applyWithOpenAiKey() throws Exception {
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {id: openai-images}",
                "  - {id: openai-images, config: {api_key: \"${ALPHA_STRIPE_SECRET}\"}}"));
        module.folders(TenantFixture.ENVIRONMENT).apply(List.of(alpha), "production");
    }
}
