package dev.atelier.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.tenants.FolderTenant;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.TenantFolders;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.plugins.PluginHost;
import dev.atelier.plugins.PluginHostException;
import dev.atelier.plugins.PluginHostSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier legal render <slug> <document>}: prints a tenant's legal document as its folder and the deployed
 * plugins render it now, without the database or a running server: the plugin host starts on the deploy folder
 * alone, and secrets stay unread (a document discloses who processes data, never a key).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints a tenant's legal document (privacy, terms, ...) rendered from its folder.")
final class LegalRenderCommand extends InstallationCommand {

    /** The formats a document is printed in. */
    enum Format { text, md, html }

    @Parameters(index = "0", paramLabel = "<slug>", description = "The tenant's folder under tenant-configs/.")
    private String slug;

    @Parameters(index = "1", paramLabel = "<document>", description = "privacy, terms or a document of the tenant's.")
    private String document;

    @Option(names = "--profile", paramLabel = "P",
            description = "The overlay tenant.P.yaml to merge (default: the configured profile).")
    private String profile;

    @Option(names = "--format", defaultValue = "text", description = "text (default), md or html.")
    private Format format;

    LegalRenderCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return withConfig(config -> {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                LegalDraft draft = render(config);
                out.print(format == Format.html ? draft.html() : format == Format.md ? draft.markdown() : draft.text());
                return 0;
            } catch (InvalidTenantConfigException e) {
                err.println(e.getMessage());
                return EXIT_INVALID_CONFIG;
            } catch (LegalDocumentException | PluginHostException | IOException e) {
                err.println(e.getMessage());
                return EXIT_FAILED;
            } finally {
                out.flush();
                err.flush();
            }
        });
    }

    private LegalDraft render(AtelierConfig config) throws LegalDocumentException, PluginHostException,
            IOException {
        Path folder = config.path(Keys.TENANT_CONFIGS_DIR).resolve(slug);
        if (!TenantFolders.isTenantFolder(folder)) {
            throw new IOException("No tenant folder " + folder + " (no tenant.yaml in it)");
        }
        FolderTenant tenant = FolderTenant.read(folder, profile != null ? profile : config.profile(),
                config.get(Keys.BASE_DOMAIN));
        // The document is the command's output: the plugin host's start-up lines must not end up in it.
        Logger platformLog = (Logger) LoggerFactory.getLogger("dev.atelier");
        Level level = platformLog.getLevel();
        platformLog.setLevel(Level.WARN);
        // A cache of its own: a running platform may hold the configured one.
        Path cache = Files.createTempDirectory("atelier-legal-render");
        PluginHostSettings settings = new PluginHostSettings(config.path(Keys.DEPLOY_DIR),
                config.path(Keys.SYSTEM_BUNDLES_DIR), cache, config.get(Keys.POLL_INTERVAL),
                config.get(Keys.DRAIN_TIMEOUT), config.get(Keys.CALL_TIMEOUT)).withStorageDir(cache.resolve("storage"));
        try (PluginHost host = new PluginHost(settings, event -> { })) {
            host.start();
            return LegalWiring.documents(host, LegalWiring.platformServices(config), t -> tenant.templates())
                    .draft(tenant.tenant(), document);
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
