package dev.atelier.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the plugin host keeps its files and how patient it is.
 *
 * @param deployDir folder watched for plugin jars; the source of truth for what is installed
 * @param systemBundlesDir folder of infrastructure bundles (Declarative Services and its API), started in name order
 *     before any plugin; may be missing or empty
 * @param cacheDir Felix's bundle cache; wiped at every start
 * @param pollInterval how often the deploy folder is checked, for example 200 ms
 * @param drainTimeout how long a removed or replaced bundle may finish calls already running before it is uninstalled
 * @param callTimeout longest a single plugin call may take, whatever the caller's deadline
 * @param storageDir folder where the local storage backend keeps objects, handed to bundles as the framework property
 *     {@value #STORAGE_LOCAL_DIR_PROPERTY}; {@code null} when not set (the backend then picks its own folder)
 */
public record PluginHostSettings(
        Path deployDir,
        Path systemBundlesDir,
        Path cacheDir,
        Duration pollInterval,
        Duration drainTimeout,
        Duration callTimeout,
        Path storageDir) {

    /** Framework property with the absolute path of {@link #storageDir()}, read by the local storage bundle. */
    public static final String STORAGE_LOCAL_DIR_PROPERTY = "atelier.storage.local.dir";

    /** Default poll interval: a copied jar serves well under two seconds later. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);
    /** Default drain timeout. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Default call timeout. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);

    public PluginHostSettings {
        Objects.requireNonNull(deployDir, "deployDir");
        Objects.requireNonNull(systemBundlesDir, "systemBundlesDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(drainTimeout, "drainTimeout");
        requirePositive(callTimeout, "callTimeout");
    }

    /** Settings without a storage folder. */
    public PluginHostSettings(Path deployDir, Path systemBundlesDir, Path cacheDir, Duration pollInterval,
            Duration drainTimeout, Duration callTimeout) {
        this(deployDir, systemBundlesDir, cacheDir, pollInterval, drainTimeout, callTimeout, null);
    }

    /** These settings with {@code storageDir} as the local storage folder. */
    public PluginHostSettings withStorageDir(Path storageDir) {
        return new PluginHostSettings(deployDir, systemBundlesDir, cacheDir, pollInterval, drainTimeout, callTimeout,
                Objects.requireNonNull(storageDir, "storageDir"));
    }

    /** Settings with the default poll interval, drain timeout and call timeout. */
    public static PluginHostSettings withDefaults(Path deployDir, Path systemBundlesDir, Path cacheDir) {
        return new PluginHostSettings(
                deployDir, systemBundlesDir, cacheDir, DEFAULT_POLL_INTERVAL, DEFAULT_DRAIN_TIMEOUT, DEFAULT_CALL_TIMEOUT);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
