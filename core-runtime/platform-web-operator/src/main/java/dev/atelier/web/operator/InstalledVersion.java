package dev.atelier.web.operator;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.CanaryFiles;
import dev.atelier.plugins.PluginHost;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits, bounded, until this node's plugin host has acted on a bundle's current jar at a given version, so an answer
 * to a rollback shows what now runs rather than what ran a moment before.
 */
final class InstalledVersion {

    private static final long POLL_MILLIS = 50;

    private InstalledVersion() {}

    /** The bundle's status once its current jar (not its canary) runs {@code version}; empty after {@code wait}. */
    static Optional<BundleStatus> await(PluginHost host, String symbolicName, String version, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<BundleStatus> installed = host.bundles().stream()
                    .filter(b -> symbolicName.equals(b.symbolicName()) && !CanaryFiles.isCanary(b.fileName())
                            && version.equals(b.version()) && !BundleStatus.PENDING.equals(b.state()))
                    .findFirst();
            if (installed.isPresent() || System.nanoTime() - deadline >= 0) {
                return installed;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
