package dev.atelier.launcher;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.drift.DriftedDocument;
import dev.atelier.legal.drift.LegalDrift;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.legal.versions.PublicationListener;
import dev.atelier.legal.versions.VersionDiff;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code atelier legal check}: lists every tenant whose published legal documents no longer disclose what its
 * configuration and the deployed plugins now do, with the lines the regenerated document changes (the processors
 * named, never a secret), and exits {@value #EXIT_DRIFTED} when there is any, 0 when there is none: a deploy pipeline
 * stops before a policy goes out of date. Reads the installation's database and starts the plugin host on its deploy
 * folder, as the platform would.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that every tenant's published legal documents still match its configuration.",
                "Exits 3 listing each drifted document, 0 when none drifted, 1 when the check could not run."})
final class LegalCheckCommand extends InstallationCommand {

    /** Some published document no longer matches its tenant's configuration. */
    static final int EXIT_DRIFTED = 3;

    LegalCheckCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return TenantsCommand.withDatabase(this, (database, tenants, config) -> {
            LegalVersions versions = new LegalVersions(database.dataSource(), Clock.systemUTC(),
                    PublicationListener.NONE);
            List<Tenant> all = tenants.directory().all();
            List<String> report = LegalCommandHost.run(config, t -> LegalWiring.templates(tenants.templates(), t),
                    documents -> {
                        LegalDrift drift = new LegalDrift(documents, versions);
                        List<String> lines = new ArrayList<>();
                        for (Tenant tenant : all) {
                            drift.of(tenant).forEach(drifted -> describe(tenant, drifted, lines));
                        }
                        return lines;
                    });
            PrintWriter out = spec.commandLine().getOut();
            if (report.isEmpty()) {
                out.println("Every published legal document matches its tenant's configuration (" + all.size()
                        + " tenant(s) checked).");
                return 0;
            }
            report.forEach(out::println);
            out.println("Publish the updated documents from each tenant's /admin/legal.");
            return EXIT_DRIFTED;
        });
    }

    private static void describe(Tenant tenant, DriftedDocument drifted, List<String> lines) {
        lines.add(tenant.slug() + ": " + drifted.document() + " version " + drifted.published().number()
                + " no longer matches the configuration");
        drifted.problem().ifPresent(problem -> lines.add("  the document does not render: " + problem));
        for (VersionDiff.Line line : drifted.diff().map(VersionDiff::changes).orElse(List.of())) {
            lines.add((line.kind() == VersionDiff.Kind.ADDED ? "  + " : "  - ") + line.text());
        }
    }
}
