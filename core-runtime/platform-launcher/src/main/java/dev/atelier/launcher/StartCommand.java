package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.config.Keys;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier start}: runs the platform in the foreground until it is asked to stop. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Starts the platform and prints the URLs to open.",
                "With no configuration it runs on embedded defaults: an embedded PostgreSQL in data/, the bundles in"
                        + " deploy/, and the web server on port 8080."})
final class StartCommand extends InstallationCommand {

    /** The platform did not start. */
    static final int EXIT_START_FAILED = EXIT_FAILED;

    @Option(names = "--port", paramLabel = "PORT", description = "Sets atelier.http.port.")
    private String port;

    @Option(names = "--role", paramLabel = "ROLE", description = {"Sets atelier.node.role: web (pages and the API, no"
            + " jobs), worker (jobs; only /healthz and /readyz answered) or all (both, the default)."})
    private String role;

    StartCommand(Map<String, String> environment) {
        super(environment);
    }

    /** A start with the options {@code arguments} read, without picocli. */
    static StartCommand of(StartArguments arguments, Map<String, String> environment) {
        StartCommand command = new StartCommand(environment);
        command.port = arguments.port();
        command.role = arguments.role();
        command.useConfigOptions(arguments.configOptions());
        return command;
    }

    String port() {
        return port;
    }

    String role() {
        return role;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Starts the platform, writing its banner or what went wrong; returns the exit code once it stopped. */
    int run(PrintWriter out, PrintWriter err) {
        EarlyLogging.awaitReady();
        AtelierConfig config;
        try {
            Map<String, String> flags = new java.util.HashMap<>();
            if (port != null) {
                flags.put(Keys.HTTP_PORT.name(), port);
            }
            if (role != null) {
                flags.put(Keys.NODE_ROLE.name(), role);
            }
            config = loadConfig(flags);
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            err.println("Nothing was started. Fix the values above and start again (keys: docs/configuration.md).");
            return EXIT_INVALID_CONFIG;
        }
        Atelier atelier;
        try {
            atelier = Atelier.start(config);
        } catch (AtelierStartException e) {
            err.println("Atelier could not start: " + e.getMessage());
            return EXIT_START_FAILED;
        }
        out.println(atelier.banner());
        out.flush();
        ClassArchiveMark.started();
        awaitShutdown(atelier);
        return 0;
    }

    private static void awaitShutdown(Atelier atelier) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            atelier.close();
            stopped.countDown();
        }, "atelier-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
