package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseStartException;
import dev.atelier.accounts.operators.OperatorTokens;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code atelier operators}: the platform's operators. Operator credentials are made here rather than on a web page,
 * because running this command already proves control of the installation.
 */
@Command(name = "operators", mixinStandardHelpOptions = true,
        description = "Manages the credentials of platform operators.",
        subcommands = {OperatorTokensCommand.class})
final class OperatorsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What a subcommand does with the operator tokens; returns the exit code. */
    interface Work {
        int run(OperatorTokens tokens) throws Exception;
    }

    /**
     * Loads the configuration, opens the database, runs {@code work}, closes everything. Unlike the tenant commands no
     * secrets key is needed: operator tokens are stored hashed, not encrypted.
     */
    static int withOperatorTokens(ConfigOptions options, Map<String, String> environment,
            CommandLine.Model.CommandSpec spec, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        AtelierConfig config;
        try {
            config = options.load(environment, Map.of());
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            err.println("Nothing was changed. Fix the values above (keys: docs/configuration.md).");
            return TenantsCommand.EXIT_INVALID_CONFIG;
        }
        try (Database database = Database.start(ConfiguredDatabase.settings(config))) {
            return work.run(new OperatorTokens(database.entityManagerFactory(), Clock.systemUTC()));
        } catch (DatabaseStartException e) {
            err.println("Cannot open the database: " + e.getMessage());
            return TenantsCommand.EXIT_FAILED;
        } catch (Exception e) {
            err.println(e.getMessage());
            return TenantsCommand.EXIT_FAILED;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }
}
