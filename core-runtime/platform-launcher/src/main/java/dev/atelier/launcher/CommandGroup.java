package dev.atelier.launcher;

import picocli.CommandLine;

/** A command that only groups subcommands ({@code tenants}, {@code operators}, ...): run alone, it prints its usage. */
abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
