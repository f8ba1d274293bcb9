package dev.atelier.launcher;

import dev.atelier.accounts.operators.OperatorTokens;
import java.time.Clock;
import picocli.CommandLine.Command;

/**
 * {@code atelier operators}: the platform's operators. Operator credentials are made here rather than on a web page,
 * because running this command already proves control of the installation.
 */
@Command(name = "operators", mixinStandardHelpOptions = true,
        description = "Manages the credentials of platform operators.",
        subcommands = {OperatorTokensCommand.class})
final class OperatorsCommand extends CommandGroup {

    /** What a subcommand does with the operator tokens; returns the exit code. */
    interface Work {
        int run(OperatorTokens tokens) throws Exception;
    }

    /**
     * Loads the configuration, opens the database, runs {@code work}, closes everything. Unlike the tenant commands no
     * secrets key is needed: operator tokens are stored hashed, not encrypted.
     */
    static int withOperatorTokens(InstallationCommand command, Work work) {
        return command.withConfig(config -> command.withDatabase(config,
                database -> work.run(new OperatorTokens(database.entityManagerFactory(), Clock.systemUTC()))));
    }
}
