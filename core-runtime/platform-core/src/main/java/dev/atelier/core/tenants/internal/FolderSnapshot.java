package dev.atelier.core.tenants.internal;

import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.FolderTenant;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a {@link FolderTenant}: the folder's files merged and checked as applying them would, nothing stored. */
public final class FolderSnapshot {

    private FolderSnapshot() {}

    /** See {@link FolderTenant#read}. */
    public static FolderTenant read(Path folder, String profile, String baseDomain) {
        String slug = folder.toAbsolutePath().normalize().getFileName().toString();
        List<ConfigProblem> problems = new ArrayList<>();
        Path baseFile = FolderReader.existing(folder, "tenant");
        if (baseFile == null) {
            problems.add(new ConfigProblem(slug, "", "no tenant.yaml or tenant.json in this folder"));
            throw new InvalidTenantConfigException(problems);
        }
        FolderReader.Merged merged = FolderReader.merge(folder, slug, baseFile, profile, problems);
        Map<String, String> templates = FolderReader.templates(folder, slug, problems);
        if (merged == null || !problems.isEmpty()) {
            throw new InvalidTenantConfigException(problems);
        }
        List<String> hosts = List.copyOf(FolderReader.hosts(baseDomain, slug, merged.document()).keySet());
        return new FolderTenant(TenantMapping.fromDocument(slug, merged.document(), hosts), templates);
    }
}
