package dev.atelier.launcher;

import picocli.CommandLine.Command;

/** {@code atelier operators tokens}: create, list and revoke operator tokens. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes the tokens operators sign in to the operator console with.",
        subcommands = {OperatorTokensCreateCommand.class, OperatorTokensListCommand.class,
                OperatorTokensRevokeCommand.class})
final class OperatorTokensCommand extends CommandGroup {}
