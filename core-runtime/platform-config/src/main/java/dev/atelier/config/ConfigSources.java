package dev.atelier.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where configuration comes from, weakest first: built-in defaults, then {@code propertiesFile} (if it exists), then
 * environment variables ({@code ATELIER_HTTP_PORT} sets {@code atelier.http.port}), then command-line flags.
 *
 * @param home the installation folder; relative paths in the configuration resolve against it
 * @param propertiesFile usually {@code <home>/conf/atelier.properties}; a missing file is fine
 * @param environment the process environment (only the variables named by known keys are read)
 * @param flags values given on the command line, keyed by configuration key
 */
public record ConfigSources(Path home, Path propertiesFile, Map<String, String> environment, Map<String, String> flags) {

    /** The usual sources for an installation in {@code home}. */
    public static ConfigSources standard(Path home, Map<String, String> environment, Map<String, String> flags) {
        return new ConfigSources(home, home.resolve("conf").resolve("atelier.properties"), environment, flags);
    }
}
