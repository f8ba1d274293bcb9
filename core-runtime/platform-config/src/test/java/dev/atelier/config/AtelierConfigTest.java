package dev.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtelierConfigTest {

    @TempDir
    Path home;

    @Test
    void usesDefaultsWhenNothingIsSet() throws Exception {
        AtelierConfig config = load(Map.of(), Map.of());

        assertThat(config.get(Keys.HTTP_PORT)).isEqualTo(8080);
        assertThat(config.get(Keys.DB_URL)).isEmpty();
        assertThat(config.get(Keys.POLL_INTERVAL)).isEqualTo(Duration.ofMillis(200));
        assertThat(config.origin(Keys.HTTP_PORT)).isEqualTo("default");
        assertThat(config.path(Keys.DEPLOY_DIR)).isEqualTo(home.toAbsolutePath().resolve("deploy"));
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileAndFlagsOverrideAll() throws Exception {
        writeProperties("atelier.http.port=9001\natelier.http.host=127.0.0.1\natelier.db.pool-size=3\n");

        AtelierConfig config = load(
                Map.of("ATELIER_HTTP_PORT", "9002", "ATELIER_DB_POOL_SIZE", "4"),
                Map.of("atelier.http.port", "9003"));

        assertThat(config.get(Keys.HTTP_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.get(Keys.DB_POOL_SIZE)).isEqualTo(4);
        assertThat(config.origin(Keys.DB_POOL_SIZE)).isEqualTo("environment variable ATELIER_DB_POOL_SIZE");
        assertThat(config.get(Keys.HTTP_PORT)).isEqualTo(9003);
        assertThat(config.origin(Keys.HTTP_PORT)).isEqualTo("command line");
    }

    @Test
    void dashedKeysAreSetByUnderscoredEnvironmentVariables() throws Exception {
        AtelierConfig config = load(Map.of("ATELIER_PLUGINS_DRAIN_TIMEOUT", "5s"), Map.of());

        assertThat(config.get(Keys.DRAIN_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void invalidValueIsReportedWithKeyValueAndWhereItWasSet() {
        assertThatThrownBy(() -> load(Map.of("ATELIER_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid configuration:\n  atelier.http.port = \"eighty\" (environment variable "
                        + "ATELIER_HTTP_PORT): must be a whole number between 0 and 65535");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() throws IOException {
        writeProperties("atelier.http.prot=8080\natelier.plugins.poll-interval=fast\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of("atelier.db.url", "mysql://x")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("atelier.http.prot: unknown key ("))
                        .anySatisfy(p -> assertThat(p).startsWith("atelier.plugins.poll-interval = \"fast\""))
                        .anySatisfy(p -> assertThat(p).startsWith("atelier.db.url = \"mysql://x\" (command line)")));
    }

    @Test
    void unknownCommandLineKeyIsRejected() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("atelier.nope", "1")))
                .hasMessageContaining("atelier.nope: unknown key (command line)");
    }

    @Test
    void profileDefaultsToLocalOnTheEmbeddedDatabaseAndProductionOnAnExternalOne() throws Exception {
        assertThat(load(Map.of(), Map.of()).profile()).isEqualTo("local");
        assertThat(load(Map.of("ATELIER_DB_URL", "jdbc:postgresql://db/atelier"), Map.of()).profile())
                .isEqualTo("production");
        assertThat(load(Map.of("ATELIER_DB_URL", "jdbc:postgresql://db/atelier", "ATELIER_PROFILE", "staging"),
                Map.of()).profile()).isEqualTo("staging");
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() throws Exception {
        AtelierConfig config = load(Map.of("ATELIER_SOMETHING_ELSE", "x", "PATH", "/bin"), Map.of());

        assertThat(config.get(Keys.HTTP_PORT)).isEqualTo(8080);
    }

    @Test
    void modelLimitsAreReadAsModelIdsWithTheirRunningJobs() throws Exception {
        assertThat(load(Map.of(), Map.of()).get(Keys.GENERATION_MODEL_LIMITS)).isEmpty();
        AtelierConfig config = load(Map.of("ATELIER_GENERATION_MODEL_LIMITS", " replicate-video=8, openai-images = 20,"),
                Map.of());

        assertThat(config.get(Keys.GENERATION_MODEL_LIMITS))
                .containsExactlyInAnyOrderEntriesOf(Map.of("replicate-video", 8, "openai-images", 20));
    }

    @Test
    void modelLimitsThatAreNotIdNumberPairsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> load(Map.of(), Map.of("atelier.generation.model-limits", "replicate-video:8")))
                .hasMessageContaining("must be comma-separated id=number pairs such as replicate-video=8");
        assertThatThrownBy(() -> load(Map.of(), Map.of("atelier.generation.model-limits", "replicate-video=0")))
                .hasMessageContaining("gives replicate-video 0; each number must be between 1 and 100000");
        assertThatThrownBy(() -> load(Map.of(), Map.of("atelier.generation.model-limits", "a=1,a=2")))
                .hasMessageContaining("names a twice");
    }

    private void writeProperties(String text) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/atelier.properties"), text);
    }

    private AtelierConfig load(Map<String, String> env, Map<String, String> flags)
            throws InvalidConfigurationException {
        return AtelierConfig.load(ConfigSources.standard(home, env, flags));
    }
}
