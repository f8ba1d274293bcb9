package dev.atelier.launcher;

import dev.atelier.core.tenants.ApplyReport;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.TenantFolders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atelier tenants apply <dir>...}: creates or updates tenants from folders, all or nothing. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Creates or updates the tenants the folders define, in one transaction. Applying the same"
                + " folders again changes nothing. Invalid folders are rejected whole, with every problem listed.",
                "Secrets written ${NAME} are read from the environment.",
                "The overlay tenant.<profile>.yaml of atelier.profile (default local) is merged in."})
final class TenantsApplyCommand extends InstallationCommand {

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "A tenant folder (holding tenant.yaml), or a folder of tenant folders.")
    private List<Path> dirs = new ArrayList<>();

    TenantsApplyCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> folders = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> found = TenantFolders.discover(dir);
            if (found.isEmpty()) {
                err.println(dir + ": holds no tenant.yaml and no tenant folders. Nothing was changed.");
                return InstallationCommand.EXIT_INVALID_CONFIG;
            }
            folders.addAll(found);
        }
        return TenantsCommand.withTenants(this, (tenants, config) -> {
            String profile = config.profile();
            ApplyReport report;
            try {
                report = tenants.folders(environment).apply(folders, profile);
            } catch (InvalidTenantConfigException e) {
                err.println(e.getMessage());
                return InstallationCommand.EXIT_INVALID_CONFIG;
            }
            for (ApplyReport.Change change : report.changes()) {
                out.println(change.slug() + ": " + change.outcome().name().toLowerCase(Locale.ROOT));
            }
            out.printf("Applied %d tenant folder(s) with profile %s: %d created, %d updated, %d unchanged.%n",
                    report.changes().size(), profile, count(report, ApplyReport.Outcome.CREATED),
                    count(report, ApplyReport.Outcome.UPDATED), count(report, ApplyReport.Outcome.UNCHANGED));
            return 0;
        });
    }

    private static long count(ApplyReport report, ApplyReport.Outcome outcome) {
        return report.changes().stream().filter(c -> c.outcome() == outcome).count();
    }
}
