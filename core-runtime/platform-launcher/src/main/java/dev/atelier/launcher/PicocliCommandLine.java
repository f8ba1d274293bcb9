package dev.atelier.launcher;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Every command line but a plain start, read and run by picocli. Kept apart from {@link Main} so that a plain start
 * never loads a picocli class: they are Java 5 class files, which the class-data-sharing archive cannot hold, and the
 * first one loaded sends the JVM through the class path jar by jar (about 50 ms of a start).
 */
final class PicocliCommandLine {

    /** The subcommands by name, in the order help lists them; each name is its class's {@code @Command} name. */
    static final Map<String, Class<?>> COMMANDS = commands();

    private PicocliCommandLine() {
    }

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

    /** Runs {@code args} with {@code root} as the top command; returns the exit code. */
    static int run(Main root, String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        EnvironmentFactory factory = new EnvironmentFactory(environment);
        CommandLine cli = new CommandLine(root, factory);
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
