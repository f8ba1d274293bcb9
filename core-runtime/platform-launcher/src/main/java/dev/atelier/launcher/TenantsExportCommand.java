package dev.atelier.launcher;

import dev.atelier.core.tenants.TenantNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier tenants export <slug> [--to DIR]}: writes a tenant back as a folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the tenant as a folder: tenant.yaml (its effective configuration, secrets as ${NAME}),"
                + " assets/ and templates/. Applying that folder changes nothing."})
final class TenantsExportCommand extends InstallationCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant to export.")
    private String slug;

    @Option(names = "--to", paramLabel = "DIR",
            description = "The tenant folder to write (created if missing; default: ./<slug>).")
    private Path to;

    TenantsExportCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Path dir = to != null ? to : Path.of(slug);
        return TenantsCommand.withTenants(this, (tenants, config) -> {
            try {
                tenants.folders(environment).export(slug, dir);
            } catch (TenantNotFoundException e) {
                spec.commandLine().getErr().println(e.getMessage() + ". See `atelier tenants list`.");
                return InstallationCommand.EXIT_FAILED;
            }
            spec.commandLine().getOut().println("Exported " + slug + " to " + dir);
            return 0;
        });
    }
}
