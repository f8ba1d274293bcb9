package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.InvalidConfigurationException;
import dev.atelier.config.Keys;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseStartException;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.secrets.SecretKeyException;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.TenantModule;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code atelier tenants}: apply, export and list tenants, and grant their admin areas. Each subcommand reads the
 * configuration as {@code start} does and opens the database directly (embedded or external).
 */
@Command(name = "tenants", mixinStandardHelpOptions = true,
        description = "Applies tenant folders, exports tenants as folders, lists tenants, grants tenant admins.",
        subcommands = {TenantsApplyCommand.class, TenantsExportCommand.class, TenantsListCommand.class,
                TenantsAddAdminCommand.class})
final class TenantsCommand implements Runnable {

    static final int EXIT_FAILED = 1;
    static final int EXIT_INVALID_CONFIG = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What a subcommand does with the tenant services; returns the exit code. */
    interface Work {
        int run(TenantModule tenants, AtelierConfig config) throws Exception;
    }

    /** Work that also needs the database itself (credits, for example). */
    interface DatabaseWork {
        int run(Database database, TenantModule tenants, AtelierConfig config) throws Exception;
    }

    static int withTenants(ConfigOptions options, Map<String, String> environment, CommandLine.Model.CommandSpec spec,
            Work work) {
        return withDatabase(options, environment, spec, (database, tenants, config) -> work.run(tenants, config));
    }

    /** Loads the configuration, opens the database and the tenant services, runs {@code work}, closes everything. */
    static int withDatabase(ConfigOptions options, Map<String, String> environment,
            CommandLine.Model.CommandSpec spec, DatabaseWork work) {
        PrintWriter err = spec.commandLine().getErr();
        AtelierConfig config;
        try {
            config = options.load(environment, Map.of());
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            err.println("Nothing was changed. Fix the values above (keys: docs/configuration.md).");
            return EXIT_INVALID_CONFIG;
        }
        SecretBox secrets;
        try {
            secrets = SecretBox.fromConfig(config);
        } catch (SecretKeyException e) {
            err.println(e.getMessage());
            return EXIT_INVALID_CONFIG;
        }
        try (Database database = Database.start(ConfiguredDatabase.settings(config))) {
            TenantModule tenants = new TenantModule(database, secrets, config.get(Keys.BASE_DOMAIN),
                PluginUrls.fromConfig(config));
            return work.run(database, tenants, config);
        } catch (DatabaseStartException e) {
            err.println("Cannot open the database: " + e.getMessage());
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println(e.getMessage());
            return EXIT_FAILED;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }
}
