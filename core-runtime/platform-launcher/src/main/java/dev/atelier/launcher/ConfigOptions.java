package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.config.Keys;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every command shares ({@code --home}, {@code --data-dir}, {@code --set}). */
final class ConfigOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Installation folder (default: $ATELIER_HOME, else the current folder).")
    private Path home;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Sets atelier.data-dir.")
    private String dataDir;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Sets any configuration key (see docs/configuration.md); repeatable.")
    private Map<String, String> settings = new HashMap<>();

    /** Empty, for picocli to fill in. */
    ConfigOptions() {
    }

    /** As read from a command line without picocli ({@link StartArguments}). */
    ConfigOptions(Path home, String dataDir, Map<String, String> settings) {
        this.home = home;
        this.dataDir = dataDir;
        this.settings = new HashMap<>(settings);
    }

    Path home() {
        return home;
    }

    String dataDir() {
        return dataDir;
    }

    Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /**
     * Reads the configuration as {@code start} does: defaults, {@code conf/atelier.properties}, the environment, then
     * these options and {@code extraFlags}.
     */
    AtelierConfig load(Map<String, String> environment, Map<String, String> extraFlags)
            throws InvalidConfigurationException {
        Map<String, String> flags = new HashMap<>(settings);
        if (dataDir != null) {
            flags.put(Keys.DATA_DIR.name(), dataDir);
        }
        flags.putAll(extraFlags);
        return AtelierConfig.load(ConfigSources.standard(home(environment), environment, flags));
    }

    private Path home(Map<String, String> environment) {
        if (home != null) {
            return home;
        }
        String fromEnv = environment.get("ATELIER_HOME");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".");
    }
}
