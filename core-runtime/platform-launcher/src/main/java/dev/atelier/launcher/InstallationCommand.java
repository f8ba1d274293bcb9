package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseStartException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A command working on an installation ({@code start}, {@code tenants apply}, {@code operators tokens list}, ...): it
 * reads the configuration from the {@link ConfigOptions} and the environment. The management subcommands then open the
 * database directly (external, embedded, or the embedded one a running platform serves from the same data folder)
 * with {@link #withDatabase} and close it when done. Failures are written on
 * the command's error stream and end in an exit code.
 */
abstract class InstallationCommand implements Callable<Integer> {

    /** The work failed; what it changed before is kept. */
    static final int EXIT_FAILED = 1;
    /** The configuration is wrong; nothing was changed. */
    static final int EXIT_INVALID_CONFIG = 2;

    /** The environment the configuration and tenant folders read (a test's own, not the process's). */
    protected final Map<String, String> environment;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOptions configOptions = new ConfigOptions();

    protected InstallationCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Uses {@code options} instead of what picocli read (a command line read without it). */
    void useConfigOptions(ConfigOptions options) {
        this.configOptions = options;
    }

    ConfigOptions configOptions() {
        return configOptions;
    }

    /** What a command does with the loaded configuration; returns the exit code. */
    interface ConfiguredWork {
        int run(AtelierConfig config);
    }

    /** What a command does with the open database; returns the exit code. */
    interface DatabaseWork {
        int run(Database database) throws Exception;
    }

    /** The configuration as {@link ConfigOptions#load} reads it, with {@code flags} (key to value) set last. */
    AtelierConfig loadConfig(Map<String, String> flags) throws InvalidConfigurationException {
        return configOptions.load(environment, flags);
    }

    /** Loads the configuration and runs {@code work} with it, or says what is wrong with it. */
    int withConfig(ConfiguredWork work) {
        AtelierConfig config;
        try {
            config = loadConfig(Map.of());
        } catch (InvalidConfigurationException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println("Nothing was changed. Fix the values above (keys: docs/configuration.md).");
            err.flush();
            return EXIT_INVALID_CONFIG;
        }
        return work.run(config);
    }

    /** Opens the configured database, runs {@code work}, closes the database and flushes the command's output. */
    int withDatabase(AtelierConfig config, DatabaseWork work) {
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = Database.open(ConfiguredDatabase.settings(config))) {
            return work.run(database);
        } catch (DatabaseStartException e) {
            err.println("Cannot open the database: " + e.getMessage());
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println(e.getMessage());
            return EXIT_FAILED;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }
}
