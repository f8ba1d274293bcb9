package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.secrets.SecretKeyException;
import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.TenantModule;
import picocli.CommandLine.Command;

/**
 * {@code atelier tenants}: apply, export and list tenants, and grant their admin areas. Each subcommand reads the
 * configuration as {@code start} does and opens the database directly (embedded or external).
 */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Applies tenant folders, exports tenants as folders, lists tenants, grants tenant admins.",
        subcommands = {TenantsApplyCommand.class, TenantsExportCommand.class, TenantsListCommand.class,
                TenantsAddAdminCommand.class})
final class TenantsCommand extends CommandGroup {

    /** What a subcommand does with the tenant services; returns the exit code. */
    interface Work {
        int run(TenantModule tenants, AtelierConfig config) throws Exception;
    }

    /** Work that also needs the database itself (credits, for example). */
    interface DatabaseWork {
        int run(Database database, TenantModule tenants, AtelierConfig config) throws Exception;
    }

    static int withTenants(InstallationCommand command, Work work) {
        return withDatabase(command, (database, tenants, config) -> work.run(tenants, config));
    }

    /**
     * Loads the configuration, checks the secrets key, opens the database and the tenant services, runs {@code work},
     * closes everything.
     */
    static int withDatabase(InstallationCommand command, DatabaseWork work) {
        return command.withConfig(config -> {
            SecretBox secrets;
            try {
                secrets = SecretBox.fromConfig(config);
            } catch (SecretKeyException e) {
                command.spec.commandLine().getErr().println(e.getMessage());
                return InstallationCommand.EXIT_INVALID_CONFIG;
            }
            return command.withDatabase(config, database -> {
                TenantModule tenants = new TenantModule(database, secrets, config.get(Keys.BASE_DOMAIN),
                        PluginUrls.fromConfig(config), PluginSchemas.NONE, ThemeMessageKeys.of(config));
                // Running nodes learn of what this command changes, as they would of a change made on one of them.
                try (ClusterWiring.Publisher events = ClusterWiring.publisher(config, database)) {
                    events.tenants(tenants);
                    return work.run(database, tenants, config);
                }
            });
        });
    }
}
