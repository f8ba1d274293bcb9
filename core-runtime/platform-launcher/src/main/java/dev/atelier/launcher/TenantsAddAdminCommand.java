package dev.atelier.launcher;

import dev.atelier.accounts.EmailAddress;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.accounts.TenantAdmins;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier tenants add-admin <slug> <email>}: grants a tenant's admin area to an email. */
@Command(name = "add-admin", mixinStandardHelpOptions = true,
        description = {"Makes an email an admin of a tenant's admin area. The grant takes effect once an account with"
                + " that email has verified it; it can be made before the person signs up. Granting again changes"
                + " nothing."})
final class TenantsAddAdminCommand extends InstallationCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant, by slug (see `atelier tenants list`).")
    private String slug;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The email to grant.")
    private String email;

    TenantsAddAdminCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return TenantsCommand.withTenants(this, (tenants, config) -> {
            Tenant tenant = tenants.directory().bySlug(slug).orElse(null);
            if (tenant == null) {
                spec.commandLine().getErr().println(new TenantNotFoundException(slug).getMessage()
                        + ". See `atelier tenants list`.");
                return InstallationCommand.EXIT_FAILED;
            }
            String normalized;
            try {
                normalized = EmailAddress.normalize(email);
            } catch (InvalidAccountInputException e) {
                spec.commandLine().getErr().println(email + ": " + e.getMessage());
                return InstallationCommand.EXIT_FAILED;
            }
            new TenantAdmins(tenants.scope(), tenants.directory(), Clock.systemUTC()).grant(tenant.id(), normalized);
            spec.commandLine().getOut().println(normalized + " is now an admin of " + tenant.displayName()
                    + " (takes effect once that email is verified)");
            return 0;
        });
    }
}
