package dev.atelier.launcher;

import dev.atelier.core.tenants.Tenant;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code atelier tenants list}: one line per tenant with its slug, name, status and hosts. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every tenant: slug, name, status, hosts.")
final class TenantsListCommand extends InstallationCommand {

    TenantsListCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return TenantsCommand.withTenants(this, (tenants, config) -> {
            PrintWriter out = spec.commandLine().getOut();
            List<Tenant> all = tenants.directory().all();
            if (all.isEmpty()) {
                out.println("No tenants. Apply a tenant folder with `atelier tenants apply <dir>`.");
                return 0;
            }
            int slugWidth = Math.max(4, all.stream().mapToInt(t -> t.slug().length()).max().orElse(0));
            int nameWidth = Math.max(4, all.stream().mapToInt(t -> t.displayName().length()).max().orElse(0));
            String format = "%-" + slugWidth + "s  %-" + nameWidth + "s  %-9s  %s%n";
            out.printf(format, "SLUG", "NAME", "STATUS", "HOSTS");
            for (Tenant tenant : all) {
                out.printf(format, tenant.slug(), tenant.displayName(),
                        tenant.status().name().toLowerCase(Locale.ROOT), String.join(", ", tenant.hosts()));
            }
            return 0;
        });
    }
}
