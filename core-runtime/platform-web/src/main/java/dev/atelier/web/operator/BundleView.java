package dev.atelier.web.operator;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.PluginMetrics;
import java.time.Instant;
import java.util.List;

/** A plugin bundle as the operator API shows it. */
public record BundleView(
        String fileName,
        String symbolicName,
        String version,
        String state,
        List<String> services,
        String lastError,
        Instant changedAt,
        PluginMetrics metrics) {

    public static BundleView of(BundleStatus s) {
        return new BundleView(s.fileName(), s.symbolicName(), s.version(), s.state(), s.services(), s.lastError(),
                s.changedAt(), s.metrics());
    }
}
