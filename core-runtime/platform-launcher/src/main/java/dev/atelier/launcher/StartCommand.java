package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.ConfigSources;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.config.Keys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier start}: runs the platform in the foreground until it is asked to stop. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Starts the platform and prints the URLs to open.",
                "With no configuration it runs on embedded defaults: an embedded PostgreSQL in data/, the bundles in"
                        + " deploy/, and the web server on port 8080."})
final class StartCommand implements Callable<Integer> {

    static final int EXIT_INVALID_CONFIG = 2;
    static final int EXIT_START_FAILED = 1;

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Installation folder (default: $ATELIER_HOME, else the current folder).")
    private Path home;

    @Option(names = "--port", paramLabel = "PORT", description = "Sets atelier.http.port.")
    private String port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Sets atelier.data-dir.")
    private String dataDir;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Sets any configuration key (see docs/configuration.md); repeatable.")
    private Map<String, String> settings = new HashMap<>();

    StartCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtelierConfig config;
        try {
            config = AtelierConfig.load(ConfigSources.standard(home(), environment, flags()));
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
        awaitShutdown(atelier);
        return 0;
    }

    private Path home() {
        if (home != null) {
            return home;
        }
        String fromEnv = environment.get("ATELIER_HOME");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : ".");
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>(settings);
        if (port != null) {
            flags.put(Keys.HTTP_PORT.name(), port);
        }
        if (dataDir != null) {
            flags.put(Keys.DATA_DIR.name(), dataDir);
        }
        return flags;
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
