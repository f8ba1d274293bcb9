package dev.atelier.launcher;

import dev.atelier.config.Keys;
import dev.atelier.core.tenants.ResealReport;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code atelier secrets rotate}: seals every stored secret again with {@code atelier.secrets.key}, opening them with
 * it or with {@code atelier.secrets.previous-keys}. Afterwards the previous keys are no longer needed.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Seals every stored tenant secret again with atelier.secrets.key, in one transaction.",
                "Set the new key as atelier.secrets.key and the old one in atelier.secrets.previous-keys first;"
                        + " afterwards the old key can be removed. Running it again changes nothing."})
final class SecretsRotateCommand extends InstallationCommand {

    SecretsRotateCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return TenantsCommand.withTenants(this, (tenants, config) -> {
            ResealReport report = tenants.resealSecrets();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Re-sealed %d secret(s) of %d tenant(s) with key id %s; %d were already sealed with it.%n",
                    report.resealed(), report.tenants(), report.keyId(), report.alreadyCurrent());
            out.printf("Every stored secret now opens with %s alone: %s can be removed.%n", Keys.SECRETS_KEY.name(),
                    Keys.SECRETS_PREVIOUS_KEYS.name());
            return 0;
        });
    }
}
