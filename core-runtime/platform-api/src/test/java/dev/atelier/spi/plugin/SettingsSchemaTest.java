package dev.atelier.spi.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsSchemaTest {

    static final Setting<String> API_KEY = Setting.secret("api_key").required();
    static final Setting<URI> BASE_URL = Setting.url("base_url").defaultsTo("https://api.example.com");
    static final Setting<Long> RETRIES = Setting.integer("retries").between(0, 5);
    static final Setting<Boolean> PATH_STYLE = Setting.bool("path_style").defaultsTo("false");
    static final Setting<Duration> TIMEOUT = Setting.duration("timeout").defaultsTo("30s");
    static final Setting<String> QUALITY = Setting.choice("quality", "low", "high");
    static final Setting<String> BUCKET = Setting.text("bucket").matching("[a-z0-9-]{3,63}", "a bucket name");
    static final SettingsSchema SCHEMA = SettingsSchema.of(API_KEY, BASE_URL, RETRIES, PATH_STYLE, TIMEOUT, QUALITY,
            BUCKET);

    @Test
    void readsTypedValuesWithDefaultsApplied() throws InvalidSettingsException {
        PluginSettings settings = SCHEMA.read(Map.of("api_key", " sk-1 ", "retries", "3", "path_style", "TRUE",
                "timeout", "PT2M", "quality", "high"));

        assertThat(settings.get(API_KEY)).isEqualTo("sk-1");
        assertThat(settings.get(BASE_URL)).isEqualTo(URI.create("https://api.example.com"));
        assertThat(settings.get(RETRIES)).isEqualTo(3L);
        assertThat(settings.get(PATH_STYLE)).isTrue();
        assertThat(settings.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.get(QUALITY)).isEqualTo("high");
        assertThat(settings.find(BUCKET)).isEmpty();
    }

    @Test
    void reportsEveryProblemByKeyWithoutRepeatingSecrets() {
        List<SettingProblem> problems = SCHEMA.check(Map.of("base_url", "ftp://files", "retries", "9",
                "timeout", "soon", "quality", "best", "bucket", "No_Such", "colour", "red"));

        assertThat(problems).extracting(SettingProblem::key)
                .containsExactly("api_key", "base_url", "retries", "timeout", "quality", "bucket", "colour");
        assertThat(problems.get(0).message()).isEqualTo("is required");
        assertThat(problems.get(2).message()).isEqualTo("must be from 0 to 5");
        assertThat(problems.get(4).message()).contains("one of low, high");
        assertThat(problems.get(6).message()).startsWith("is not a setting of this plugin");
    }

    @Test
    void refusesASecretThatDoesNotMatchWithoutQuotingIt() {
        SettingsSchema schema = SettingsSchema.of(Setting.secret("token").matching("r8_\\w+", "a token r8_..."));

        assertThatThrownBy(() -> schema.read(Map.of("token", "hunter2")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("token: must be a token r8_...")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void readIgnoresKeysOfOtherVersionsButCheckReportsThem() throws InvalidSettingsException {
        Map<String, String> config = Map.of("api_key", "k", "dropped_setting", "x");

        assertThat(SCHEMA.read(config).get(API_KEY)).isEqualTo("k");
        assertThat(SCHEMA.check(config)).extracting(SettingProblem::key).containsExactly("dropped_setting");
    }

    @Test
    void requiresOneOfAlternatives() {
        Setting<String> version = Setting.text("version");
        Setting<String> model = Setting.text("model");
        SettingsSchema schema = SettingsSchema.of(version, model).requiringOneOf(version, model);

        assertThat(schema.check(Map.of())).containsExactly(
                new SettingProblem("version", "is required unless model is set"));
        assertThat(schema.check(Map.of("model", "acme/painter"))).isEmpty();
    }

    @Test
    void acceptsTheStandardSettingsAndAppliesThemToDisclosures() {
        DataProcessorDisclosure aws = new DataProcessorDisclosure("Amazon Web Services, Inc.", "Amazon S3",
                Set.of(DataCategory.GENERATED_MEDIA, DataCategory.UPLOADED_MEDIA), "Stores media", "United States",
                null);
        PluginDescription description = new PluginDescription(SCHEMA, List.of(aws));
        Map<String, String> config = Map.of("api_key", "k", "display_name", "Cloudflare R2");

        assertThat(SCHEMA.check(config)).isEmpty();
        assertThat(description.disclosuresFor(config)).singleElement().satisfies(d -> {
            assertThat(d.displayName()).isEqualTo("Cloudflare R2");
            assertThat(d.location()).isEqualTo("United States");
            assertThat(d.categories()).containsExactly(DataCategory.UPLOADED_MEDIA, DataCategory.GENERATED_MEDIA);
        });
    }

    @Test
    void refusesAnInvalidDefaultWhenDeclared() {
        assertThatThrownBy(() -> Setting.integer("n").defaultsTo("many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void webhookMessagesMatchHeadersInAnyCase() {
        WebhookMessage message = WebhookMessage.of(Map.of("Webhook-Id", "msg_1"), new byte[] {1, 2},
                java.time.Instant.EPOCH);

        assertThat(message.header("webhook-id")).contains("msg_1");
        assertThat(message.body()).containsExactly(1, 2);
    }
}
