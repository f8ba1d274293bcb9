package dev.atelier.launcher;

import picocli.CommandLine.Command;

/** {@code atelier legal ...}: tenants' legal documents. */
@Command(name = "legal", mixinStandardHelpOptions = true, description = "Tenants' legal documents.",
        subcommands = {LegalRenderCommand.class, LegalCheckCommand.class})
final class LegalCommand extends CommandGroup {}
