package dev.atelier.core.tenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Declarative tenant configuration: tenant folders ({@code tenant.yaml}, optional {@code tenant.<profile>.yaml},
 * {@code assets/}, {@code templates/}; see {@code docs/tenant-configuration.md}) applied to the database and exported
 * back.
 */
public interface TenantFolders {

    /**
     * Creates or updates the tenants the folders define, all in one transaction. Applying the same folders again changes
     * nothing (not even {@link Tenant#updatedAt()}). Tenants not named are left alone. The database is made to match
     * the folders even where it was edited in the admin area since; use {@link #applyChanged} at start-up.
     *
     * @param folders tenant folders (each holding a {@code tenant.yaml} or {@code tenant.json})
     * @param profile the overlay to merge over each {@code tenant.yaml}, when the folder has one
     * @throws InvalidTenantConfigException listing every problem in every folder; then nothing was written
     */
    ApplyReport apply(List<Path> folders, String profile);

    /**
     * For start-up: like {@link #apply}, but a folder that has not changed since it was last applied is skipped, so
     * edits made since in the admin area ({@link TenantAdmin}) survive restarts. A folder counts as changed when its
     * profile, merged document, hosts, assets, templates or any secret's value (its environment variable) differ from
     * the last apply. New tenants and changed folders are applied exactly as {@link #apply} does, all in one
     * transaction. Every folder, skipped or not, is validated first; then nothing is written if any is invalid.
     *
     * @param folders tenant folders (each holding a {@code tenant.yaml} or {@code tenant.json})
     * @param profile the overlay to merge over each {@code tenant.yaml}, when the folder has one
     * @return {@link ApplyReport.Outcome#SKIPPED} for unchanged folders, else what {@link #apply} reports
     * @throws InvalidTenantConfigException listing every problem in every folder; then nothing was written
     */
    ApplyReport applyChanged(List<Path> folders, String profile);

    /**
     * Writes the tenant's folder into {@code dir} (created if missing): {@code tenant.yaml} with the effective
     * configuration (secrets as {@code ${ENV_NAME}}), its assets and templates. Applying the result changes nothing.
     *
     * @throws TenantNotFoundException if there is no such tenant
     */
    void export(String slug, Path dir) throws IOException;

    /**
     * The tenant folders in {@code dir}: {@code dir} itself when it holds a {@code tenant.yaml}/{@code tenant.json},
     * else its sub-folders that do, by name. A missing {@code dir} has none.
     */
    static List<Path> discover(Path dir) {
        if (isTenantFolder(dir)) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(TenantFolders::isTenantFolder).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** Whether {@code dir} holds a {@code tenant.yaml}, {@code tenant.yml} or {@code tenant.json}. */
    static boolean isTenantFolder(Path dir) {
        return Stream.of("tenant.yaml", "tenant.yml", "tenant.json").anyMatch(name -> Files.isRegularFile(
                dir.resolve(name)));
    }
}
