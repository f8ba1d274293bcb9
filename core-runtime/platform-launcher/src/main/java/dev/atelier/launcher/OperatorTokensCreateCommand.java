package dev.atelier.launcher;

import dev.atelier.accounts.operators.NewOperatorToken;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier operators tokens create <name>}: a new operator token, printed once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an operator token and prints it. It is shown this once: only its hash is stored.")
final class OperatorTokensCreateCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOptions configOptions = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "NAME", description = "Who or what uses the token, e.g. \"ops laptop\".")
    private String name;

    OperatorTokensCreateCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return OperatorsCommand.withOperatorTokens(configOptions, environment, spec, tokens -> {
            NewOperatorToken created;
            try {
                created = tokens.create(name);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return InstallationRun.EXIT_INVALID_CONFIG;
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
