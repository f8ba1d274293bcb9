package dev.atelier.web.operator;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginKind;
import dev.atelier.plugins.ServedPlugin;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the plugin host's state into a {@link StartPage}. */
final class StartPageModel {

    private static final String PREVIEW_PROMPT = "atelier";
    // Sent only to models that declare these parameters: a model without them would refuse the preview.
    private static final List<String> SIZE_PARAMETERS = List.of("width", "height");
    private static final int PREVIEW_PIXELS = 512;

    private StartPageModel() {}

    static StartPage of(PluginHost host) {
        List<BundleStatus> jars = host.bundles();
        List<StartPage.KindSection> kinds = host.kinds().stream().map(kind -> section(host, kind, jars)).toList();
        Set<String> serving = kinds.stream().flatMap(k -> k.bundles().stream()).map(StartPage.BundleRow::name)
                .collect(Collectors.toSet());
        List<StartPage.BundleRow> others = jars.stream()
                .filter(jar -> jar.symbolicName() == null || !serving.contains(jar.symbolicName()))
                .map(jar -> row(jar, nameOf(jar), List.of()))
                .toList();
        List<StartPage.ModelCard> models = host.models().list().stream().map(StartPageModel::card).toList();
        return new StartPage(models, kinds, others);
    }

    private static StartPage.KindSection section(PluginHost host, PluginKind<?, ?> kind, List<BundleStatus> jars) {
        // One row per serving bundle, with every id it serves of this kind; sorted by bundle name.
        Map<String, List<ServedPlugin<?>>> byBundle = new TreeMap<>();
        for (ServedPlugin<?> plugin : host.plugins(kind).list()) {
            byBundle.computeIfAbsent(plugin.bundleSymbolicName(), name -> new ArrayList<>()).add(plugin);
        }
        List<StartPage.BundleRow> rows = byBundle.entrySet().stream()
                .map(entry -> servingRow(entry.getKey(), entry.getValue(), jars))
                .toList();
        return new StartPage.KindSection(kind.label(), kind.key(), rows);
    }

    private static StartPage.BundleRow servingRow(String name, List<ServedPlugin<?>> plugins,
            List<BundleStatus> jars) {
        String version = plugins.get(0).bundleVersion();
        List<String> ids = plugins.stream().map(ServedPlugin::id).sorted().toList();
        return jars.stream()
                .filter(jar -> name.equals(jar.symbolicName()) && Objects.equals(version, jar.version()))
                .findFirst()
                .map(jar -> row(jar, name, ids))
                // Served but not from the deploy folder: it runs, and nothing there can be wrong with it.
                .orElseGet(() -> new StartPage.BundleRow(name, text(version), BundleStatus.ACTIVE, ids, ""));
    }

    private static StartPage.BundleRow row(BundleStatus jar, String name, List<String> ids) {
        return new StartPage.BundleRow(name, text(jar.version()), jar.state(), ids,
                text(jar.lastError()));
    }

    private static StartPage.ModelCard card(ModelInfo model) {
        ModelDescriptor descriptor = model.descriptor();
        return new StartPage.ModelCard(descriptor.name(), descriptor.id(), text(descriptor.version()),
                descriptor.output() == MediaKind.VIDEO, previewUrl(descriptor));
    }

    private static String previewUrl(ModelDescriptor descriptor) {
        StringBuilder url = new StringBuilder("/api/v1/operator/models/").append(encode(descriptor.id()))
                .append("/preview?prompt=").append(PREVIEW_PROMPT);
        Set<String> declared = descriptor.parameters().stream().map(ParameterSpec::name).collect(Collectors.toSet());
        SIZE_PARAMETERS.stream().filter(declared::contains)
                .forEach(name -> url.append('&').append(name).append('=').append(PREVIEW_PIXELS));
        return url.toString();
    }

    private static String nameOf(BundleStatus jar) {
        return jar.symbolicName() == null ? jar.fileName() : jar.symbolicName();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    // Path segment encoding: URLEncoder's form encoding, with spaces as %20 rather than '+'.
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
