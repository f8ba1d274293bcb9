package dev.atelier.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Operators learn the keys from docs/configuration.md; it must not fall behind the code. */
class ConfigurationDocsTest {

    @Test
    void everyKeyIsDocumentedWithItsEnvironmentVariableAndDefault() throws Exception {
        String docs = Files.readString(Path.of("../../docs/configuration.md"));

        for (ConfigKey<?> key : Keys.ALL) {
            assertThat(docs)
                    .as("docs/configuration.md row for %s", key.name())
                    .contains("| `" + key.name() + "` | `" + key.environmentVariable() + "` | "
                            + (key.defaultText().isEmpty() ? "(empty)" : "`" + key.defaultText() + "`") + " |");
        }
    }
}
