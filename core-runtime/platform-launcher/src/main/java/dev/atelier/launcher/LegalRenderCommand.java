package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.tenants.FolderTenant;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.TenantFolders;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.versions.LegalVersion;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.legal.versions.PublicationListener;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.plugins.PluginHostException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier legal render <slug> <document>}: prints a tenant's legal document as its folder and the deployed
 * plugins render it now, without the database or a running server: the plugin host starts on the deploy folder
 * alone, and secrets stay unread (a document discloses who processes data, never a key). With {@code --version N} it
 * prints published version N instead, read from the installation's database.
 */
// No standard help options: their -V/--version would take the --version of a document.
@Command(name = "render",
        description = "Prints a tenant's legal document (privacy, terms, ...) rendered from its folder, or one of its"
                + " published versions.")
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

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--version", paramLabel = "N",
            description = "Print published version N from the installation's database instead of rendering.")
    private Integer version;

    @Override
    public Integer call() {
        if (version != null) {
            return printPublished();
        }
        return withConfig(config -> {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                out.print(text(render(config)));
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

    private int printPublished() {
        return TenantsCommand.withDatabase(this, (database, tenants, config) -> {
            PrintWriter err = spec.commandLine().getErr();
            Optional<Tenant> tenant = tenants.directory().bySlug(slug);
            if (tenant.isEmpty()) {
                err.println(new TenantNotFoundException(slug).getMessage() + ". See `atelier tenants list`.");
                return EXIT_FAILED;
            }
            LegalVersions versions = new LegalVersions(database.dataSource(), Clock.systemUTC(),
                    PublicationListener.NONE);
            Optional<LegalVersion> published = versions.version(tenant.get().id(), document, version);
            if (published.isEmpty()) {
                err.println(tenant.get().displayName() + " has published no version " + version + " of " + document
                        + ". See its versions on /admin/legal.");
                return EXIT_FAILED;
            }
            spec.commandLine().getOut().print(text(published.get().content()));
            return 0;
        });
    }

    private String text(LegalDraft draft) {
        return format == Format.html ? draft.html() : format == Format.md ? draft.markdown() : draft.text();
    }

    private LegalDraft render(AtelierConfig config) throws LegalDocumentException, PluginHostException,
            IOException {
        Path folder = config.path(Keys.TENANT_CONFIGS_DIR).resolve(slug);
        if (!TenantFolders.isTenantFolder(folder)) {
            throw new IOException("No tenant folder " + folder + " (no tenant.yaml in it)");
        }
        FolderTenant tenant = FolderTenant.read(folder, profile != null ? profile : config.profile(),
                config.get(Keys.BASE_DOMAIN));
        return LegalCommandHost.run(config, t -> tenant.templates(), documents -> documents.draft(tenant.tenant(),
                document));
    }
}
