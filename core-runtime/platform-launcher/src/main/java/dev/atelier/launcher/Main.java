package dev.atelier.launcher;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/atelier}: the command line of the platform. */
@Command(
        name = "atelier",
        mixinStandardHelpOptions = true,
        versionProvider = AtelierVersion.class,
        description = "White-label AI image and video creation platform.")
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && "start".equals(args[0])) {
            EarlyLogging.begin();
            CompilerThreads.lowerPriorityBeside();
        }
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line and returns the exit code; start keeps running until the process is asked to stop. A plain
     * {@code start} ({@link StartArguments}) is run without picocli; everything else goes through it.
     *
     * @param environment the process environment: configuration variables and the secrets tenant folders reference
     */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        Optional<StartArguments> plainStart = StartArguments.plain(args);
        if (plainStart.isPresent()) {
            return runPlainStart(plainStart.get(), environment, out, err);
        }
        return PicocliCommandLine.run(new Main(), args, environment, out, err);
    }

    /** A start read by {@link StartArguments}; what it did not expect ends as picocli would end it: trace, exit 1. */
    private static int runPlainStart(StartArguments arguments, Map<String, String> environment, PrintWriter out,
            PrintWriter err) {
        try {
            return StartCommand.of(arguments, environment).run(out, err);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
