package dev.atelier.launcher;

import picocli.CommandLine.Command;

/** {@code atelier credits ...}: credits of users, until billing sells them. */
@Command(name = "credits", mixinStandardHelpOptions = true, description = "Credits of a tenant's users.",
        subcommands = {CreditsGrantCommand.class})
final class CreditsCommand extends CommandGroup {}
