package dev.atelier.launcher;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/atelier}: the command line of the platform. */
@Command(
        name = "atelier",
        mixinStandardHelpOptions = true,
        versionProvider = AtelierVersion.class,
        description = "White-label AI image and video creation platform.",
        subcommands = {StartCommand.class, TenantsCommand.class, OperatorsCommand.class, CreditsCommand.class,
                SecretsCommand.class, LegalCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line and returns the exit code; start keeps running until the process is asked to stop.
     *
     * @param environment the process environment: configuration variables and the secrets tenant folders reference
     */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main(), new EnvironmentFactory(environment));
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Hands the environment to commands, so tests can run them without touching the real one. */
    private static final class EnvironmentFactory implements CommandLine.IFactory {
        private final Map<String, String> environment;

        EnvironmentFactory(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                // Commands that read the environment take it in their constructor.
                java.lang.reflect.Constructor<K> withEnvironment = type.getDeclaredConstructor(Map.class);
                withEnvironment.setAccessible(true);
                return withEnvironment.newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
