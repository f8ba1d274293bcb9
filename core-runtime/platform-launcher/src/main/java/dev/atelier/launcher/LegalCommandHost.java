package dev.atelier.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginHostException;
import dev.atelier.plugins.PluginHostSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The legal documents service of a command ({@code legal render}, {@code legal check}): a plugin host started on the
 * installation's deploy folder alone, with a cache of its own (a running platform may hold the configured one) and
 * its start-up lines kept out of the command's output, stopped when the work is done.
 */
final class LegalCommandHost {

    /** What a command does with the documents service. */
    interface Work<T> {
        T run(LegalDocuments documents) throws LegalDocumentException;
    }

    private LegalCommandHost() {}

    /** @param templatesOf a tenant's own templates by name */
    static <T> T run(AtelierConfig config, Function<Tenant, Map<String, String>> templatesOf, Work<T> work)
            throws LegalDocumentException, PluginHostException, IOException {
        Logger platformLog = (Logger) LoggerFactory.getLogger("dev.atelier");
        Level level = platformLog.getLevel();
        platformLog.setLevel(Level.WARN);
        Path cache = Files.createTempDirectory("atelier-legal");
        PluginHostSettings settings = new PluginHostSettings(config.path(Keys.DEPLOY_DIR),
                config.path(Keys.SYSTEM_BUNDLES_DIR), cache, config.get(Keys.POLL_INTERVAL),
                config.get(Keys.DRAIN_TIMEOUT), config.get(Keys.CALL_TIMEOUT)).withStorageDir(cache.resolve("storage"));
        try (PluginHost host = new PluginHost(settings, event -> { })) {
            host.start();
            return work.run(LegalWiring.documents(host, LegalWiring.platformServices(config), templatesOf));
        } finally {
            platformLog.setLevel(level);
            deleteTree(cache);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
