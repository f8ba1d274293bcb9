package dev.atelier.core.tenants.internal;

import dev.atelier.core.hash.Sha256;
import dev.atelier.core.files.FileTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.MessageKeys;
import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.PluginUrls;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/** Reads one tenant folder, adding every problem it finds to a shared list. */
final class FolderReader {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final String baseDomain;
    private final Map<String, String> environment;
    private final PluginSettingsCheck settingsCheck;
    private final MessageKeys messageKeys;

    FolderReader(String baseDomain, Map<String, String> environment, PluginUrls pluginUrls,
            PluginSchemas pluginSchemas, MessageKeys messageKeys) {
        this.messageKeys = messageKeys;
        this.baseDomain = baseDomain;
        this.environment = environment;
        this.settingsCheck = new PluginSettingsCheck(pluginUrls, pluginSchemas);
    }

    /**
     * The folder, adding every problem to {@code problems}; empty only when its files cannot be parsed. A folder read
     * with problems still takes part in the checks across folders (duplicate hosts) but must not be written.
     */
    Optional<ReadFolder> read(Path folder, String profile, List<ConfigProblem> problems) {
        String slug = folder.toAbsolutePath().normalize().getFileName().toString();
        Path baseFile = existing(folder, "tenant");
        if (baseFile == null) {
            problems.add(new ConfigProblem(slug, "", "no tenant.yaml or tenant.json in this folder"));
            return Optional.empty();
        }
        Merged read = merge(folder, slug, baseFile, profile, problems);
        if (read == null) {
            return Optional.empty();
        }
        ObjectNode merged = read.document();
        Function<String, String> fileOf = read.fileOf();
        JsonNode slugNode = merged.get("slug");
        if (slugNode != null && slugNode.isTextual() && !slugNode.asText().equals(slug)) {
            problems.add(new ConfigProblem(fileOf.apply("slug"), "slug",
                    "must equal the folder name \"" + slug + "\", was \"" + slugNode.asText() + "\""));
        }
        SortedMap<String, String> secrets = secrets(merged, fileOf, problems);
        for (PluginConfig config : PluginConfig.of(merged, secrets)) {
            settingsCheck.check(config, (at, problem) -> problems.add(new ConfigProblem(fileOf.apply(at), at,
                    problem)));
        }
        merged.path("messages").fieldNames().forEachRemaining(key -> {
            if (!messageKeys.known(key)) {
                String at = "messages." + key;
                problems.add(new ConfigProblem(fileOf.apply(at), at, "unknown message key; the keys a tenant may"
                        + " override are those of themes/default/messages.properties"));
            }
        });
        Map<String, String> hosts = hosts(baseDomain, slug, merged);
        JsonNode canonical = merged.get("canonical_host");
        if (canonical != null && canonical.isTextual()
                && !hosts.containsKey(canonical.asText().toLowerCase(Locale.ROOT))) {
            problems.add(new ConfigProblem(fileOf.apply("canonical_host"), "canonical_host", "must be one of the"
                    + " tenant's hosts (" + String.join(", ", hosts.keySet()) + "), was \"" + canonical.asText()
                    + "\""));
        }
        SortedMap<String, ReadFolder.Asset> assets = assets(folder, slug, merged, fileOf, problems);
        SortedMap<String, String> templates = templates(folder, slug, problems);
        return Optional.of(new ReadFolder(slug, merged, fileOf, hosts, secrets, assets, templates));
    }

    /** The merged document of a folder and which file each path came from. */
    record Merged(ObjectNode document, Function<String, String> fileOf) {}

    /**
     * {@code tenant.yaml} with the profile's overlay merged over it, each file checked against the schema and the
     * merged document for required keys; {@code null} when a file cannot be parsed.
     */
    static Merged merge(Path folder, String slug, Path baseFile, String profile, List<ConfigProblem> problems) {
        String baseLabel = slug + "/" + baseFile.getFileName();
        ObjectNode base = parse(baseFile, baseLabel, problems);
        Path overlayFile = existing(folder, "tenant." + profile);
        String overlayLabel = overlayFile == null ? null : slug + "/" + overlayFile.getFileName();
        ObjectNode overlay = overlayFile == null ? null : parse(overlayFile, overlayLabel, problems);
        if (base == null || overlayFile != null && overlay == null) {
            return null;
        }
        TenantSchema.ROOT.check(base, "", (path, message) -> problems.add(new ConfigProblem(baseLabel, path, message)));
        if (overlay != null) {
            TenantSchema.ROOT.check(overlay, "",
                    (path, message) -> problems.add(new ConfigProblem(overlayLabel, path, message)));
        }
        ObjectNode merged = overlay == null ? base : Documents.merge(base, overlay);
        Function<String, String> fileOf = path -> overlay != null && Documents.at(overlay, path) != null
                ? overlayLabel : baseLabel;
        TenantSchema.ROOT.checkRequired(merged, "",
                (path, message) -> problems.add(new ConfigProblem(fileOf.apply(parent(path)), path, message)));
        return new Merged(merged, fileOf);
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    static Path existing(Path folder, String stem) {
        return Stream.of(".yaml", ".yml", ".json").map(ext -> folder.resolve(stem + ext)).filter(Files::isRegularFile)
                .findFirst().orElse(null);
    }

    private static ObjectNode parse(Path file, String label, List<ConfigProblem> problems) {
        try {
            List<DuplicateKeys.Duplicate> duplicates = DuplicateKeys.in(file);
            if (!duplicates.isEmpty()) {
                duplicates.forEach(d -> problems.add(new ConfigProblem(label, d.path(), d.message())));
                return null;
            }
            JsonNode node = Documents.YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                problems.add(new ConfigProblem(label, "", "is empty"));
                return null;
            }
            if (!(node instanceof ObjectNode object)) {
                problems.add(new ConfigProblem(label, "", "must be a map of keys such as slug, name, hosts"));
                return null;
            }
            return object;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            problems.add(new ConfigProblem(label, "", "is not valid YAML" + where + ": " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new ConfigProblem(label, "", "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private SortedMap<String, String> secrets(ObjectNode merged, Function<String, String> fileOf,
            List<ConfigProblem> problems) {
        SortedMap<String, String> secrets = new TreeMap<>();
        Documents.texts(merged, "", (path, text) -> {
            Matcher m = TenantSchema.SECRET.matcher(text);
            if (!m.matches()) {
                return;
            }
            String value = environment.get(m.group(1));
            if (value == null || value.isEmpty()) {
                problems.add(new ConfigProblem(fileOf.apply(path), path, "environment variable " + m.group(1)
                        + " is not set; secrets are read from the environment when the folder is applied"));
            } else {
                secrets.put(m.group(1), value);
            }
        });
        return secrets;
    }

    /** Every host name of the tenant, lower case, {@code <slug>.<base domain>} first, with the key that named it. */
    static Map<String, String> hosts(String baseDomain, String slug, ObjectNode merged) {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(slug + "." + baseDomain.toLowerCase(Locale.ROOT), "slug");
        JsonNode listed = merged.get("hosts");
        if (listed != null && listed.isArray()) {
            for (int i = 0; i < listed.size(); i++) {
                hosts.putIfAbsent(listed.get(i).asText().toLowerCase(Locale.ROOT), "hosts[" + i + "]");
            }
        }
        return hosts;
    }

    private static SortedMap<String, ReadFolder.Asset> assets(Path folder, String slug, ObjectNode merged,
            Function<String, String> fileOf, List<ConfigProblem> problems) {
        SortedMap<String, ReadFolder.Asset> assets = new TreeMap<>();
        for (Path file : files(folder.resolve("assets"))) {
            String path = folder.relativize(file).toString().replace('\\', '/');
            readAsset(file, slug + "/" + path, problems).ifPresent(asset -> assets.put(path, asset));
        }
        JsonNode branding = merged.get("branding");
        for (String key : List.of("logo", "favicon")) {
            JsonNode ref = branding == null ? null : branding.get(key);
            if (ref == null || !ref.isTextual()) {
                continue;
            }
            String path = "branding." + key;
            String name = ref.asText();
            Path file = folder.resolve(name).normalize();
            if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
                problems.add(new ConfigProblem(fileOf.apply(path), path, "file " + name + " does not exist in the"
                        + " tenant folder"));
                continue;
            }
            String type = FileTypes.of(name);
            boolean image = type.equals(FileTypes.SVG) || type.equals(FileTypes.PNG)
                    || key.equals("favicon") && type.equals("image/x-icon");
            if (!image) {
                problems.add(new ConfigProblem(fileOf.apply(path), path, "must be an SVG or PNG file"
                        + (key.equals("favicon") ? " (or .ico)" : "") + ", was " + name));
                continue;
            }
            if (!assets.containsKey(name)) {
                readAsset(file, slug + "/" + name, problems).ifPresent(asset -> assets.put(name, asset));
            }
        }
        return assets;
    }

    private static Optional<ReadFolder.Asset> readAsset(Path file, String label, List<ConfigProblem> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add(new ConfigProblem(label, "", "is larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB"));
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new ReadFolder.Asset(Sha256.hex(bytes), FileTypes.of(file.toString()), bytes));
        } catch (IOException e) {
            problems.add(new ConfigProblem(label, "", "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    static SortedMap<String, String> templates(Path folder, String slug, List<ConfigProblem> problems) {
        SortedMap<String, String> templates = new TreeMap<>();
        Path root = folder.resolve("templates");
        for (Path file : files(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            String label = slug + "/templates/" + name;
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(new ConfigProblem(label, "", "is larger than " + MAX_FILE_BYTES / 1024 / 1024
                            + " MB"));
                    continue;
                }
                templates.put(name, StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
            } catch (CharacterCodingException e) {
                problems.add(new ConfigProblem(label, "", "is not UTF-8 text"));
            } catch (IOException e) {
                problems.add(new ConfigProblem(label, "", "cannot be read: " + e.getMessage()));
            }
        }
        return templates;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
