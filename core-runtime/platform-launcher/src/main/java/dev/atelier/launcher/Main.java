package dev.atelier.launcher;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The subcommands by name, in the order help lists them; each name is its class's {@code @Command} name. */
    static final Map<String, Class<?>> COMMANDS = commands();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("start", StartCommand.class);
        commands.put("tenants", TenantsCommand.class);
        commands.put("operators", OperatorsCommand.class);
        commands.put("credits", CreditsCommand.class);
        commands.put("secrets", SecretsCommand.class);
        commands.put("legal", LegalCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    public static void main(String[] args) {
        if (args.length > 0 && "start".equals(args[0])) {
            EarlyLogging.begin();
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
        EnvironmentFactory factory = new EnvironmentFactory(environment);
        CommandLine cli = new CommandLine(new Main(), factory);
        for (Class<?> command : commandsFor(args)) {
            try {
                cli.addSubcommand(factory.create(command));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the command " + command.getName(), e);
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
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

    /**
     * The subcommands to set up for {@code args}: only the one named first when there is one, else all (for help, which
     * lists or describes the others, and for picocli's suggestions on a mistyped name). Picocli reads every command
     * class it is given, with its subcommands, before it runs one; the platform's start need not wait for the others.
     */
    static List<Class<?>> commandsFor(String[] args) {
        Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
        return named != null && named != CommandLine.HelpCommand.class ? List.of(named)
                : List.copyOf(COMMANDS.values());
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
