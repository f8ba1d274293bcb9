package dev.atelier.launcher.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.modules.SourceModules.Module;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A module's {@code internal} packages (those under its own {@code src/main/java}) are its own: no other module's main
 * code names them, in an import or written out in full. What another module needs belongs in an exported package or
 * behind a small public API, so a feature module can change its insides without breaking its neighbours.
 */
class InternalPackagesTest {

    /** A package with an {@code internal} segment, followed by a type name or a wildcard. */
    private static final Pattern INTERNAL_REFERENCE =
            Pattern.compile("\\b((?:[a-z_][a-z0-9_]*\\.)+internal(?:\\.[a-z_][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");

    @Test
    void noModuleNamesAnotherModulesInternalPackages() {
        List<Module> modules = SourceModules.all();
        Map<String, String> ownerByPackage = internalPackageOwners(modules);

        assertThat(ownerByPackage).as("internal packages of the repository").isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (Module module : modules) {
            for (Path file : SourceModules.files(module.mainJava(), ".java")) {
                Matcher matcher = INTERNAL_REFERENCE.matcher(SourceModules.read(file));
                while (matcher.find()) {
                    String owner = ownerByPackage.get(matcher.group(1));
                    if (owner != null && !owner.equals(module.path())) {
                        violations.add(module.dir().relativize(file) + " in " + module.path() + " uses "
                                + matcher.group(1) + " of " + owner);
                    }
                }
            }
        }
        assertThat(violations).as("main code using another module's internal packages").isEmpty();
    }

    private static Map<String, String> internalPackageOwners(List<Module> modules) {
        Map<String, String> owners = new HashMap<>();
        for (Module module : modules) {
            for (Path file : SourceModules.files(module.mainJava(), ".java")) {
                String pkg = module.mainJava().relativize(file.getParent()).toString().replace('/', '.');
                if (pkg.matches("(.+\\.)?internal(\\..+)?")) {
                    owners.put(pkg, module.path());
                }
            }
        }
        return owners;
    }
}
