package dev.atelier.launcher;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier operators tokens revoke <id>}: the token stops working at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revokes an operator token by id (see `atelier operators tokens list`); it stops working at"
                + " once.")
final class OperatorTokensRevokeCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOptions configOptions = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id, such as otk_0190...")
    private String id;

    OperatorTokensRevokeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return OperatorsCommand.withOperatorTokens(configOptions, environment, spec, tokens -> {
            if (!tokens.revoke(id)) {
                spec.commandLine().getErr().println("No operator token \"" + id
                        + "\". See `atelier operators tokens list`.");
                return InstallationRun.EXIT_FAILED;
            }
            spec.commandLine().getOut().println("Revoked operator token " + id + ".");
            return 0;
        });
    }
}
