package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.secrets.SecretKeyException;
import dev.atelier.core.tenants.ApplyReport;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.MessageKeys;
import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.TenantFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies tenant folders in one JDBC transaction. This is the one platform-level writer of tenant-owned tables: it
 * works across tenants at once, so it names {@code tenant_id} explicitly instead of using tenant-scoped
 * EntityManagers.
 */
public final class FolderApplier implements TenantFolders {

    private static final Logger LOG = LoggerFactory.getLogger(FolderApplier.class);
    // Serializes applies from several nodes starting at once; any constant shared by all nodes works.
    private static final long APPLY_LOCK = 0x7e_4a_11_7e_4a_11L;

    private final DataSource dataSource;
    private final SecretBox secrets;
    private final String baseDomain;
    private final Map<String, String> environment;
    private final SnapshotDirectory directory;
    private final FolderExporter exporter;
    private final PluginUrls pluginUrls;
    private final PluginSchemas pluginSchemas;
    private final MessageKeys messageKeys;
    private final UuidV7 ids = new UuidV7();

    public FolderApplier(DataSource dataSource, SecretBox secrets, String baseDomain, Map<String, String> environment,
            SnapshotDirectory directory, FolderExporter exporter, PluginUrls pluginUrls, PluginSchemas pluginSchemas,
            MessageKeys messageKeys) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.baseDomain = baseDomain;
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.exporter = exporter;
        this.pluginUrls = pluginUrls;
        this.pluginSchemas = pluginSchemas;
        this.messageKeys = messageKeys;
    }

    @Override
    public ApplyReport apply(List<Path> folders, String profile) {
        return apply(folders, profile, false);
    }

    @Override
    public ApplyReport applyChanged(List<Path> folders, String profile) {
        return apply(folders, profile, true);
    }

    private ApplyReport apply(List<Path> folders, String profile, boolean skipUnchangedFolders) {
        List<ConfigProblem> problems = new ArrayList<>();
        FolderReader reader = new FolderReader(baseDomain, environment, pluginUrls.forProfile(profile), pluginSchemas,
                messageKeys);
        List<ReadFolder> read = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Path folder : folders) {
            String name = folder.toAbsolutePath().normalize().getFileName().toString();
            if (!slugs.add(name)) {
                problems.add(new ConfigProblem(name, "", "two folders named " + name + " are applied together"));
                continue;
            }
            reader.read(folder, profile, problems).ifPresent(read::add);
        }
        read.sort(Comparator.comparing(ReadFolder::slug));
        Map<String, ReadFolder> claims = new HashMap<>();
        for (ReadFolder folder : read) {
            folder.hosts().forEach((host, path) -> {
                ReadFolder other = claims.putIfAbsent(host, folder);
                if (other != null) {
                    problems.add(new ConfigProblem(folder.fileOf().apply(path), path, "host " + host
                            + " is also used by tenant " + other.slug() + "; a host selects one tenant only"));
                }
            });
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, APPLY_LOCK);
                    lock.execute();
                }
                problems.addAll(hostsTakenInDatabase(connection, read, slugs));
                if (!problems.isEmpty()) {
                    connection.rollback();
                    throw new InvalidTenantConfigException(problems);
                }
                List<ApplyReport.Change> changes = new ArrayList<>();
                Map<String, String> hostsToInsert = new LinkedHashMap<>();
                for (ReadFolder folder : read) {
                    String digest = FolderDigest.of(folder, profile, secrets);
                    changes.add(new ApplyReport.Change(folder.slug(),
                            applyOne(connection, folder, digest, skipUnchangedFolders, hostsToInsert)));
                }
                insertHosts(connection, hostsToInsert);
                connection.commit();
                changes.forEach(c -> LOG.info("Tenant {}: {}", c.slug(), c.outcome()));
                return new ApplyReport(changes);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Applying tenant folders failed, nothing was changed: " + e.getMessage(),
                    e);
        } finally {
            directory.changed(null);
        }
    }

    @Override
    public void export(String slug, Path dir) throws IOException {
        exporter.export(slug, dir);
    }

    private static List<ConfigProblem> hostsTakenInDatabase(Connection connection, List<ReadFolder> read,
            Set<String> applied) throws SQLException {
        List<ConfigProblem> problems = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT h.host, t.slug FROM tenant_host h JOIN tenant t ON t.id = h.tenant_id WHERE h.host = ANY(?)")) {
            for (ReadFolder folder : read) {
                query.setArray(1, connection.createArrayOf("text", folder.hostNames().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String host = rows.getString(1);
                        String owner = rows.getString(2);
                        if (!applied.contains(owner)) {
                            String path = folder.hosts().get(host);
                            problems.add(new ConfigProblem(folder.fileOf().apply(path), path, "host " + host
                                    + " is already used by tenant " + owner));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private ApplyReport.Outcome applyOne(Connection connection, ReadFolder folder, String digest,
            boolean skipUnchangedFolder, Map<String, String> hostsToInsert) throws SQLException {
        ObjectNode doc = folder.document();
        String id = null;
        StoredDocument current = null;
        String appliedDigest = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT id, display_name, status, document, secrets,"
                + " logo_asset_id, favicon_asset_id, source_digest FROM tenant WHERE slug = ? FOR UPDATE")) {
            query.setString(1, folder.slug());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    id = row.getString(1);
                    current = new StoredDocument(row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7));
                    appliedDigest = row.getString(8);
                }
            }
        }
        // Secrets that no longer open (the secrets key changed) must be sealed again even if the folder did not change.
        if (skipUnchangedFolder && current != null && digest.equals(appliedDigest)
                && sameSecrets(id, current.secrets(), folder.secrets())) {
            return ApplyReport.Outcome.SKIPPED;
        }
        boolean created = id == null;
        if (created) {
            id = "tnt_" + ids.next().toString().replace("-", "");
        }
        String sealed = current != null && sameSecrets(id, current.secrets(), folder.secrets()) ? current.secrets()
                : seal(id, folder.secrets());
        StoredDocument desired = new StoredDocument(doc.get("name").asText(), TenantMapping.status(doc),
                Documents.toJson(doc), sealed, assetId(folder, "logo"), assetId(folder, "favicon"));
        Set<String> currentHosts = strings(connection, "SELECT host FROM tenant_host WHERE tenant_id = ?", id);
        Map<String, String> currentAssets = pairs(connection,
                "SELECT path, id || ' ' || content_type FROM tenant_asset WHERE tenant_id = ?", id);
        Map<String, String> currentTemplates = pairs(connection,
                "SELECT name, source FROM tenant_template WHERE tenant_id = ?", id);
        Map<String, String> desiredAssets = new TreeMap<>();
        folder.assets().forEach((path, asset) -> desiredAssets.put(path, asset.sha256() + " " + asset.contentType()));
        boolean documentChanged = current == null || !sameDocument(current, desired);
        boolean hostsChanged = !currentHosts.equals(folder.hosts().keySet());
        boolean assetsChanged = !currentAssets.equals(desiredAssets);
        boolean templatesChanged = !currentTemplates.equals(folder.templates());
        if (!documentChanged && !hostsChanged && !assetsChanged && !templatesChanged) {
            recordDigest(connection, id, digest, appliedDigest);
            return ApplyReport.Outcome.UNCHANGED;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        writeTenant(connection, id, folder.slug(), desired, now, created);
        recordDigest(connection, id, digest, appliedDigest);
        for (String host : currentHosts) {
            if (!folder.hosts().containsKey(host)) {
                update(connection, "DELETE FROM tenant_host WHERE host = ?", host);
            }
        }
        for (String host : folder.hosts().keySet()) {
            if (!currentHosts.contains(host)) {
                hostsToInsert.put(host, id);
            }
        }
        syncAssets(connection, id, folder, currentAssets, desiredAssets);
        syncTemplates(connection, id, folder, currentTemplates);
        return created ? ApplyReport.Outcome.CREATED : ApplyReport.Outcome.UPDATED;
    }

    // Not a change of the tenant, so updatedAt stays.
    private static void recordDigest(Connection connection, String id, String digest, String appliedDigest)
            throws SQLException {
        if (!digest.equals(appliedDigest)) {
            update(connection, "UPDATE tenant SET source_digest = ? WHERE id = ?", digest, id);
        }
    }

    private static boolean sameDocument(StoredDocument current, StoredDocument desired) {
        return current.displayName().equals(desired.displayName()) && current.status().equals(desired.status())
                && Documents.fromJson(current.document()).equals(Documents.fromJson(desired.document()))
                && current.secrets().equals(desired.secrets())
                && Objects.equals(current.logoAssetId(), desired.logoAssetId())
                && Objects.equals(current.faviconAssetId(), desired.faviconAssetId());
    }

    private boolean sameSecrets(String tenantId, String sealedColumn, Map<String, String> clear) {
        Map<String, String> sealed = TenantMapping.sealed(sealedColumn);
        if (!sealed.keySet().equals(clear.keySet())) {
            return false;
        }
        try {
            for (Map.Entry<String, String> entry : sealed.entrySet()) {
                String value = secrets.open(entry.getValue(), TenantMapping.secretContext(tenantId, entry.getKey()));
                if (!value.equals(clear.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        } catch (SecretKeyException e) {
            // Sealed with another key: store them again with the current one.
            return false;
        }
    }

    private String seal(String tenantId, Map<String, String> clear) {
        ObjectNode sealed = Documents.JSON.createObjectNode();
        clear.forEach((name, value) -> sealed.put(name, secrets.seal(value,
                TenantMapping.secretContext(tenantId, name))));
        return Documents.toJson(sealed);
    }

    private static String assetId(ReadFolder folder, String key) {
        var ref = folder.document().path("branding").get(key);
        if (ref == null || !ref.isTextual()) {
            return null;
        }
        ReadFolder.Asset asset = folder.assets().get(ref.asText());
        return asset == null ? null : asset.sha256();
    }

    private static void writeTenant(Connection connection, String id, String slug, StoredDocument doc, Instant now,
            boolean created) throws SQLException {
        String sql = created
                ? "INSERT INTO tenant (display_name, status, document, secrets, logo_asset_id, favicon_asset_id,"
                        + " updated_at, id, slug, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE tenant SET display_name = ?, status = ?, document = ?, secrets = ?, logo_asset_id = ?,"
                        + " favicon_asset_id = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, doc.displayName());
            statement.setString(2, doc.status());
            statement.setString(3, doc.document());
            statement.setString(4, doc.secrets());
            statement.setString(5, doc.logoAssetId());
            statement.setString(6, doc.faviconAssetId());
            statement.setObject(7, now.atOffset(ZoneOffset.UTC));
            statement.setString(8, id);
            if (created) {
                statement.setString(9, slug);
                statement.setObject(10, now.atOffset(ZoneOffset.UTC));
            }
            statement.executeUpdate();
        }
    }

    private static void syncAssets(Connection connection, String id, ReadFolder folder,
            Map<String, String> currentAssets, Map<String, String> desiredAssets) throws SQLException {
        for (String path : currentAssets.keySet()) {
            if (!desiredAssets.containsKey(path)) {
                update(connection, "DELETE FROM tenant_asset WHERE tenant_id = ? AND path = ?", id, path);
            }
        }
        for (Map.Entry<String, ReadFolder.Asset> entry : folder.assets().entrySet()) {
            if (desiredAssets.get(entry.getKey()).equals(currentAssets.get(entry.getKey()))) {
                continue;
            }
            ReadFolder.Asset asset = entry.getValue();
            update(connection, "INSERT INTO tenant_asset (tenant_id, path, id, content_type, content)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, path) DO UPDATE SET id = excluded.id,"
                    + " content_type = excluded.content_type, content = excluded.content",
                    id, entry.getKey(), asset.sha256(), asset.contentType(), asset.bytes());
        }
    }

    private static void syncTemplates(Connection connection, String id, ReadFolder folder,
            Map<String, String> currentTemplates) throws SQLException {
        for (String name : currentTemplates.keySet()) {
            if (!folder.templates().containsKey(name)) {
                update(connection, "DELETE FROM tenant_template WHERE tenant_id = ? AND name = ?", id, name);
            }
        }
        for (Map.Entry<String, String> entry : folder.templates().entrySet()) {
            if (!entry.getValue().equals(currentTemplates.get(entry.getKey()))) {
                update(connection, "INSERT INTO tenant_template (tenant_id, name, source) VALUES (?, ?, ?)"
                        + " ON CONFLICT (tenant_id, name) DO UPDATE SET source = excluded.source",
                        id, entry.getKey(), entry.getValue());
            }
        }
    }

    private static void insertHosts(Connection connection, Map<String, String> hosts) throws SQLException {
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            update(connection, "INSERT INTO tenant_host (host, tenant_id) VALUES (?, ?)", host.getKey(),
                    host.getValue());
        }
    }

    private static Set<String> strings(Connection connection, String sql, String id) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static Map<String, String> pairs(Connection connection, String sql, String id) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return values;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
