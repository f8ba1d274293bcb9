package dev.atelier.launcher;

import picocli.CommandLine.Command;

/** {@code atelier secrets}: the key tenant secrets are stored encrypted with. */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Manages the encryption of stored tenant secrets.",
        subcommands = {SecretsRotateCommand.class})
final class SecretsCommand extends CommandGroup {}
