package dev.atelier.launcher;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier operators tokens revoke <id>}: the token stops working at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revokes an operator token by id (see `atelier operators tokens list`); it stops working at"
                + " once.")
final class OperatorTokensRevokeCommand extends InstallationCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id, such as otk_0190...")
    private String id;

    OperatorTokensRevokeCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return OperatorsCommand.withOperatorTokens(this, tokens -> {
            if (!tokens.revoke(id)) {
                spec.commandLine().getErr().println("No operator token \"" + id
                        + "\". See `atelier operators tokens list`.");
                return InstallationCommand.EXIT_FAILED;
            }
            spec.commandLine().getOut().println("Revoked operator token " + id + ".");
            return 0;
        });
    }
}
