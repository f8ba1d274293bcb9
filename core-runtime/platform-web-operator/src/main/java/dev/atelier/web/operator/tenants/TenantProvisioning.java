package dev.atelier.web.operator.tenants;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantFolders;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.core.tenants.TenantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates, suspends and resumes tenants for the operator. A tenant made here goes through the very code
 * {@code bin/atelier tenants apply} runs (a tenant folder applied in one transaction, validated whole first, with the
 * node's profile overlay and {@code ${NAME}} secrets from its environment), so it is the same as a folder-made one;
 * an invalid folder changes nothing.
 */
public final class TenantProvisioning {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantModule tenants;
    private final String profile;
    private final Map<String, String> environment;

    /**
     * @param tenants the platform's tenants
     * @param profile the overlay applied folders get merged with ({@code atelier.profile})
     * @param environment where {@code ${NAME}} secrets of uploaded folders are read, as the command line reads them
     */
    public TenantProvisioning(TenantModule tenants, String profile, Map<String, String> environment) {
        this.tenants = tenants;
        this.profile = profile;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Creates the tenant the form describes.
     *
     * @throws InvalidTenantConfigException listing every problem (files named {@code <slug>/tenant.json})
     * @throws TenantExistsException when the slug is taken
     */
    public Tenant create(NewTenant form) {
        String slug = form.cleanSlug();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidTenantConfigException(List.of(new ConfigProblem(null, "slug",
                    "a slug: a lower-case letter, then 1-31 lower-case letters, digits or dashes")));
        }
        try {
            return inScratch(scratch -> {
                Path folder = Files.createDirectories(scratch.resolve(slug));
                JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("tenant.json").toFile(),
                        form.document());
                return applyNew(folder);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the tenant folder: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the tenant of an uploaded zip of its folder ({@code <slug>/tenant.yaml}, assets, templates).
     *
     * @param zip the upload, already bounded in size by the caller
     * @throws InvalidUploadException when the zip is unsafe, unreadable or holds not exactly one tenant folder
     * @throws InvalidTenantConfigException listing every problem of the folder
     * @throws TenantExistsException when its slug is taken
     * @throws IOException when the upload cannot be read (or passed the caller's size bound)
     */
    public Tenant createFromZip(InputStream zip) throws IOException {
        return inScratch(scratch -> {
            TenantFolderZip.unpack(zip, scratch);
            if (TenantFolders.isTenantFolder(scratch)) {
                throw new InvalidUploadException("Zip the tenant folder itself, so that the zip holds"
                        + " <slug>/tenant.yaml: its name is the tenant's slug.");
            }
            List<Path> found = TenantFolders.discover(scratch);
            if (found.size() != 1) {
                throw new InvalidUploadException("The zip must hold exactly one tenant folder (<slug>/tenant.yaml);"
                        + " it holds " + found.size() + ".");
            }
            return applyNew(found.get(0));
        });
    }

    /**
     * Suspends ({@code active=false}) or resumes a tenant: a suspended site answers 503 and its queued jobs wait.
     *
     * @throws TenantNotFoundException when there is no such tenant
     */
    public Tenant setActive(String slug, boolean active) {
        return tenants.admin().setStatus(slug, active ? TenantStatus.ACTIVE : TenantStatus.SUSPENDED);
    }

    private Tenant applyNew(Path folder) {
        String slug = folder.getFileName().toString();
        if (tenants.directory().bySlug(slug).isPresent()) {
            throw new TenantExistsException(slug);
        }
        tenants.folders(environment).apply(List.of(folder), profile);
        return tenants.directory().bySlug(slug).orElseThrow(() -> new TenantNotFoundException(slug));
    }

    private static Tenant inScratch(ScratchWork work) throws IOException {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("atelier-tenant-");
            return work.run(scratch);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover in the temporary folder holds nothing secret the database does not hold too.
        }
    }

    /** Work on a fresh scratch directory that is deleted afterwards. */
    @FunctionalInterface
    private interface ScratchWork {
        Tenant run(Path scratch) throws IOException;
    }
}
