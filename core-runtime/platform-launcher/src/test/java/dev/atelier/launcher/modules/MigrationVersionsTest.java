package dev.atelier.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.modules.SourceModules.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every module ships its own Flyway migrations, all on one version sequence (docs/architecture.md, "Migrations"):
 * two modules that pick the same version would stop every start-up with Flyway's "more than one migration" error, or
 * one file would hide the other on the class path.
 */
class MigrationVersionsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Test
    void noTwoMigrationsOfAnyModulesShareAVersion() {
        Map<String, List<String>> filesByVersion = filesByVersion(SourceModules.all());

        assertThat(filesByVersion).as("migrations of the repository").isNotEmpty();
        assertThat(collisions(filesByVersion)).as("versions used by more than one migration file").isEmpty();
    }

    @Test
    void everyMigrationFileIsAVersionedMigration() {
        List<String> misnamed = new ArrayList<>();
        for (Module module : SourceModules.all()) {
            SourceModules.files(module.migrations(), "").stream().map(Path::getFileName).map(Path::toString)
                    .filter(name -> !VERSIONED.matcher(name).matches())
                    .forEach(name -> misnamed.add(module.path() + ": " + name));
        }
        assertThat(misnamed).as("files in db/migration not named V<version>__<description>.sql").isEmpty();
    }

    @Test
    void aVersionShippedByTwoModulesIsReported() {
        Map<String, List<String>> filesByVersion = Map.of(
                "14", List.of("core-runtime/platform-billing: V14__payments.sql",
                        "core-runtime/platform-accounts: V14__account_avatars.sql"),
                "15", List.of("core-runtime/platform-generation: V15__generation_tags.sql"));

        assertThat(collisions(filesByVersion)).containsExactly("V14: core-runtime/platform-billing: V14__payments.sql, "
                + "core-runtime/platform-accounts: V14__account_avatars.sql");
    }

    private static Map<String, List<String>> filesByVersion(List<Module> modules) {
        Map<String, List<String>> filesByVersion = new TreeMap<>();
        for (Module module : modules) {
            for (Path file : SourceModules.files(module.migrations(), ".sql")) {
                Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    // Flyway reads 1.1 and 1_1 alike and ignores leading zeros.
                    String version = matcher.group(1).replace('_', '.').replaceAll("(^|\\.)0+(?=\\d)", "$1");
                    filesByVersion.computeIfAbsent(version, v -> new ArrayList<>())
                            .add(module.path() + ": " + file.getFileName());
                }
            }
        }
        return filesByVersion;
    }

    private static List<String> collisions(Map<String, List<String>> filesByVersion) {
        return new TreeMap<>(filesByVersion).entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "V" + entry.getKey() + ": " + String.join(", ", entry.getValue())).toList();
    }
}
