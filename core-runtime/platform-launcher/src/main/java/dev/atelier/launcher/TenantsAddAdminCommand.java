package dev.atelier.launcher;

import dev.atelier.accounts.EmailAddress;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.accounts.TenantAdmins;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier tenants add-admin <slug> <email>}: grants a tenant's admin area to an email. */
@Command(name = "add-admin", mixinStandardHelpOptions = true,
        description = {"Makes an email an admin of a tenant's admin area. The grant takes effect once an account with"
                + " that email has verified it; it can be made before the person signs up. Granting again changes"
                + " nothing."})
final class TenantsAddAdminCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigOptions configOptions = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant, by slug (see `atelier tenants list`).")
    private String slug;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The email to grant.")
    private String email;

    TenantsAddAdminCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return TenantsCommand.withTenants(configOptions, environment, spec, (tenants, config) -> {
            Tenant tenant = tenants.directory().bySlug(slug).orElse(null);
            if (tenant == null) {
                spec.commandLine().getErr().println(new TenantNotFoundException(slug).getMessage()
                        + ". See `atelier tenants list`.");
                return InstallationRun.EXIT_FAILED;
            }
            String normalized;
            try {
                normalized = EmailAddress.normalize(email);
            } catch (InvalidAccountInputException e) {
                spec.commandLine().getErr().println(email + ": " + e.getMessage());
                return InstallationRun.EXIT_FAILED;
            }
            new TenantAdmins(tenants.scope(), tenants.directory(), Clock.systemUTC()).grant(tenant.id(), normalized);
            spec.commandLine().getOut().println(normalized + " is now an admin of " + tenant.displayName()
                    + " (takes effect once that email is verified)");
            return 0;
        });
    }
}
