package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.deployments.DeploymentHistory;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginHostSettings;
import dev.atelier.web.WebServer;
import dev.atelier.web.health.ReadinessChecks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running platform: database, plugin host and web server, started in that order and stopped in reverse. If any part
 * fails to start, the parts already running are stopped before the error is reported, so a failed start never leaves
 * a process behind.
 */
public final class Atelier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Atelier.class);

    private final AtelierConfig config;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final long startedNanos = System.nanoTime();
    private Database database;
    private PluginHost plugins;
    private WebServer web;
    private long startMillis;

    private Atelier(AtelierConfig config) {
        this.config = config;
    }

    /** Starts everything the configuration describes. */
    public static Atelier start(AtelierConfig config) throws AtelierStartException {
        Atelier atelier = new Atelier(config);
        try {
            atelier.startParts();
            return atelier;
        } catch (AtelierStartException e) {
            atelier.close();
            throw e;
        } catch (RuntimeException e) {
            atelier.close();
            throw new AtelierStartException(e.getMessage(), e);
        }
    }

    private void startParts() throws AtelierStartException {
        Path dataDir = config.path(Keys.DATA_DIR);
        database = step("database", () -> Database.start(databaseSettings(dataDir)));
        running.push(database);
        DeploymentHistory history = new DeploymentHistory(database.entityManagerFactory());
        plugins = new PluginHost(pluginSettings(dataDir), new DeploymentRecorder(history));
        running.push(plugins);
        step("plugin host", () -> {
            plugins.start();
            return plugins;
        });
        ReadinessChecks readiness = new ReadinessChecks(List.of(
                new DatabaseReadiness(database), new PluginHostReadiness(plugins)));
        web = new WebServer(new WebServer.Settings(config.get(Keys.HTTP_HOST), config.get(Keys.HTTP_PORT)),
                plugins, history, readiness);
        running.push(web);
        step("web server", () -> {
            web.start();
            return web;
        });
        startMillis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        LOG.info("Atelier started in {} ms on port {}", startMillis, web.port());
    }

    private DatabaseSettings databaseSettings(Path dataDir) {
        String url = config.get(Keys.DB_URL);
        return new DatabaseSettings(url.isEmpty() ? null : url, config.get(Keys.DB_USER),
                config.get(Keys.DB_PASSWORD), config.get(Keys.DB_POOL_SIZE), dataDir.resolve("postgres"),
                config.get(Keys.DB_EMBEDDED_PORT));
    }

    private PluginHostSettings pluginSettings(Path dataDir) {
        return new PluginHostSettings(config.path(Keys.DEPLOY_DIR), config.path(Keys.SYSTEM_BUNDLES_DIR),
                dataDir.resolve("felix-cache"), config.get(Keys.POLL_INTERVAL), config.get(Keys.DRAIN_TIMEOUT),
                config.get(Keys.CALL_TIMEOUT));
    }

    /** The port the web server listens on. */
    public int port() {
        return web.port();
    }

    public PluginHost plugins() {
        return plugins;
    }

    public Database database() {
        return database;
    }

    /** What to print once started: the URLs to open and where things are. */
    public String banner() {
        String base = "http://localhost:" + port();
        return String.join(System.lineSeparator(),
                "",
                "Atelier is ready (started in " + startMillis + " ms).",
                "  Open:            " + base + "/",
                "  Models (JSON):   " + base + "/api/v1/models",
                "  Bundles (JSON):  " + base + "/api/v1/operator/bundles   (answers this machine only)",
                "  Readiness:       " + base + "/readyz",
                "  Deploy folder:   " + config.path(Keys.DEPLOY_DIR) + "   (drop a bundle jar here)",
                "  Database:        " + database.description(),
                "Press Ctrl+C to stop.");
    }

    /** Stops everything that was started, newest first. Safe to call more than once. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T step(String part, Step<T> step) throws AtelierStartException {
        try {
            return step.run();
        } catch (Exception e) {
            throw new AtelierStartException(part + ": " + e.getMessage(), e);
        }
    }
}
