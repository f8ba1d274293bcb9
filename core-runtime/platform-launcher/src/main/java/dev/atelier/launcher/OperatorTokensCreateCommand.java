package dev.atelier.launcher;

import dev.atelier.accounts.operators.NewOperatorToken;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier operators tokens create <name>}: a new operator token, printed once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an operator token and prints it. It is shown this once: only its hash is stored.")
final class OperatorTokensCreateCommand extends InstallationCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Who or what uses the token, e.g. \"ops laptop\".")
    private String name;

    OperatorTokensCreateCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return OperatorsCommand.withOperatorTokens(this, tokens -> {
            NewOperatorToken created;
            try {
                created = tokens.create(name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return InstallationCommand.EXIT_INVALID_CONFIG;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created operator token " + created.info().id() + " (" + created.info().name() + "):");
            out.println();
            out.println("  " + created.token());
            out.println();
            out.println("This is the only time the token is shown; only its hash is stored. Keep it in a password"
                    + " manager. Revoke it with `atelier operators tokens revoke " + created.info().id() + "`.");
            return 0;
        });
    }
}
