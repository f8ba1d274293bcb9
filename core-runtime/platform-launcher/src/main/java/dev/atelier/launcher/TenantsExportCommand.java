package dev.atelier.launcher;

import dev.atelier.core.tenants.TenantNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier tenants export <slug> [--to DIR]}: writes a tenant back as a folder. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the tenant as a folder: tenant.yaml (its effective configuration, secrets as ${NAME}),"
                + " assets/ and templates/. Applying that folder changes nothing."})
final class TenantsExportCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOptions configOptions = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant to export.")
    private String slug;

    @Option(names = "--to", paramLabel = "DIR",
            description = "The tenant folder to write (created if missing; default: ./<slug>).")
    private Path to;

    TenantsExportCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path dir = to != null ? to : Path.of(slug);
        return TenantsCommand.withTenants(configOptions, environment, spec, (tenants, config) -> {
            try {
                tenants.folders(environment).export(slug, dir);
            } catch (TenantNotFoundException e) {
                spec.commandLine().getErr().println(e.getMessage() + ". See `atelier tenants list`.");
                return InstallationRun.EXIT_FAILED;
            }
            spec.commandLine().getOut().println("Exported " + slug + " to " + dir);
            return 0;
        });
    }
}
