package dev.atelier.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atelier operators tokens}: create, list and revoke operator tokens. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes the tokens operators sign in to the operator console with.",
        subcommands = {OperatorTokensCreateCommand.class, OperatorTokensListCommand.class,
                OperatorTokensRevokeCommand.class})
final class OperatorTokensCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
