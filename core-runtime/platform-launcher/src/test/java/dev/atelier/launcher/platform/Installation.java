package dev.atelier.launcher.platform;

import dev.atelier.testkit.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The installation folder of a test platform, laid out as the distribution lays it out: {@code system-bundles/} with
 * the real Felix system bundles, {@code deploy/} with the plugin bundles, {@code themes/} and {@code tenant-configs/}.
 */
final class Installation {

    /** The repository's own themes and demo tenants, which the distribution ships. */
    static final Path REPO_THEMES = Path.of("../../themes").toAbsolutePath().normalize();
    static final Path REPO_TENANT_CONFIGS = Path.of("../../tenant-configs").toAbsolutePath().normalize();
    /** The project's bundles, copied here by the build (see this module's pom). */
    static final Path SHIPPED_BUNDLES = Path.of("target/test-bundles");
    private static final Path SYSTEM_BUNDLES = Path.of("target/system-bundles");

    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    /**
     * A fresh folder with the system bundles and the repository's themes, with {@code themeFiles} (by path relative to
     * {@code themes/}) added to them or put in place of theirs.
     */
    static Installation create(Map<String, byte[]> themeFiles) throws IOException {
        Installation installation = new Installation(Files.createTempDirectory("atelier-test"));
        Files.createDirectories(installation.deployDir());
        Files.createDirectories(installation.home.resolve("system-bundles"));
        installation.writeThemes(themeFiles);
        try (Stream<Path> bundles = Files.list(SYSTEM_BUNDLES)) {
            for (Path bundle : bundles.toList()) {
                Files.copy(bundle, installation.home.resolve("system-bundles").resolve(bundle.getFileName()));
            }
        }
        return installation;
    }

    /**
     * Links {@code themes/} to the repository's themes; with files of its own, a folder instead where every repository
     * theme a file changes is a copy (the repository stays untouched) and the others are links.
     */
    private void writeThemes(Map<String, byte[]> files) throws IOException {
        Path themes = home.resolve("themes");
        if (files.isEmpty()) {
            Files.createSymbolicLink(themes, REPO_THEMES);
            return;
        }
        Set<String> changed = files.keySet().stream().map(path -> path.substring(0, path.indexOf('/')))
                .collect(Collectors.toSet());
        try (Stream<Path> repoThemes = Files.list(REPO_THEMES)) {
            for (Path theme : repoThemes.filter(Files::isDirectory).toList()) {
                Path target = themes.resolve(theme.getFileName().toString());
                if (changed.contains(theme.getFileName().toString())) {
                    Folders.copy(theme, target);
                } else {
                    Files.createDirectories(themes);
                    Files.createSymbolicLink(target, theme);
                }
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = themes.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    Path home() {
        return home;
    }

    Path deployDir() {
        return home.resolve("deploy");
    }

    /** Links the repository's demo tenant folders in, as the distribution ships them. */
    void linkDemoTenants() throws IOException {
        Files.createSymbolicLink(home.resolve("tenant-configs"), REPO_TENANT_CONFIGS);
    }

    /** Writes one tenant folder holding {@code yaml} as its {@code tenant.yaml}. */
    void writeTenant(String slug, String yaml) throws IOException {
        writeTenantFile(slug + "/tenant.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file of a tenant folder; {@code path} starts with the tenant's slug. */
    void writeTenantFile(String path, byte[] content) throws IOException {
        Path file = home.resolve("tenant-configs").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** Deploys the project's bundles named (e.g. {@code model-replicate.jar}) before the platform starts. */
    void deployShipped(Iterable<String> jarNames) throws IOException {
        for (String jar : jarNames) {
            Files.copy(SHIPPED_BUNDLES.resolve(jar), deployDir().resolve(jar));
        }
    }

    /** Deploys one bundle of {@link dev.atelier.launcher.testbundles.TestModel}s per entry. */
    void deployTestModels(Map<String, List<String>> bundles) throws IOException {
        for (Map.Entry<String, List<String>> bundle : bundles.entrySet()) {
            TestJars.testModels(deployDir().resolve(bundle.getKey() + ".jar"), bundle.getKey(), bundle.getValue());
        }
    }

    /** Copies a jar into the deploy folder the way an operator would: written beside it, then moved in at once. */
    void drop(Path jar, String fileName) throws IOException {
        Path staging = Files.createTempFile(home, "staging", ".tmp");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the folder (links are removed, never followed). */
    void delete() {
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
