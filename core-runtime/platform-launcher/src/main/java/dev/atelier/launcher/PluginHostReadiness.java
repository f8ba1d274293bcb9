package dev.atelier.launcher;

import dev.atelier.plugins.PluginHost;
import dev.atelier.web.health.ReadinessCheck;

/** Ready when the plugin host has started and scanned the deploy folder once. */
final class PluginHostReadiness implements ReadinessCheck {

    private final PluginHost host;

    PluginHostReadiness(PluginHost host) {
        this.host = host;
    }

    @Override
    public Result check() {
        if (!host.isStarted()) {
            return Result.notReady("plugins", "the plugin host is not running");
        }
        int models = host.models().list().size();
        return Result.ready("plugins", models + (models == 1 ? " model" : " models") + " deployed");
    }
}
