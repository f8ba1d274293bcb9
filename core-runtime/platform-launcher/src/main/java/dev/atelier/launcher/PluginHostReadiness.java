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
        return host.isStarted() ? Result.ready("plugins", host.models().list().size() + " models deployed")
                : Result.notReady("plugins", "the plugin host is not running");
    }
}
