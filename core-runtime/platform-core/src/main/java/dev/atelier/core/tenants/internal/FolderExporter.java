package dev.atelier.core.tenants.internal;

import dev.atelier.core.tenants.TenantAsset;
import dev.atelier.core.tenants.TenantAssets;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.core.tenants.TenantTemplate;
import dev.atelier.core.tenants.TenantTemplates;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Writes a stored tenant back as a folder that applies to the same state. */
public final class FolderExporter {

    private final EntityManagerFactory entityManagerFactory;
    private final TenantAssets assets;
    private final TenantTemplates templates;

    public FolderExporter(EntityManagerFactory entityManagerFactory, TenantAssets assets, TenantTemplates templates) {
        this.entityManagerFactory = entityManagerFactory;
        this.assets = assets;
        this.templates = templates;
    }

    /**
     * Writes {@code tenant.yaml} (secrets as {@code ${NAME}}), {@code assets/} and {@code templates/} into {@code dir}.
     * Files under {@code assets/} and {@code templates/} that the tenant no longer has are removed; profile overlays
     * are left alone (merging one again over the exported, already merged document changes nothing).
     */
    public void export(String slug, Path dir) throws IOException {
        TenantEntity row = find(slug);
        Files.createDirectories(dir);
        Files.write(dir.resolve("tenant.yaml"), Documents.YAML.writeValueAsBytes(Documents.fromJson(row.document())));
        Set<Path> written = new HashSet<>();
        for (TenantAsset asset : assets.all(row.id())) {
            written.add(write(dir, asset.path(), asset.bytes()));
        }
        for (TenantTemplate template : templates.all(row.id())) {
            written.add(write(dir, "templates/" + template.name(),
                    template.source().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (String sub : List.of("assets", "templates")) {
            removeOthers(dir.resolve(sub), written);
        }
    }

    private TenantEntity find(String slug) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return em.createQuery("SELECT t FROM TenantEntity t WHERE t.slug = :slug", TenantEntity.class)
                    .setParameter("slug", slug).getResultStream().findFirst()
                    .orElseThrow(() -> new TenantNotFoundException(slug));
        } finally {
            em.close();
        }
    }

    private static Path write(Path dir, String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IOException("Refusing to write outside " + dir + ": " + relative);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private static void removeOthers(Path root, Set<Path> keep) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(root)) {
            stale = walk.filter(Files::isRegularFile).filter(f -> !keep.contains(f.normalize())).toList();
        }
        for (Path file : stale) {
            Files.delete(file);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path d : walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> children = Files.list(d)) {
                    if (children.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        }
    }
}
