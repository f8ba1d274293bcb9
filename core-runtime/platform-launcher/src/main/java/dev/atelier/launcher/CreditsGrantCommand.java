package dev.atelier.launcher;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.Accounts;
import dev.atelier.accounts.PasswordHasher;
import dev.atelier.accounts.PasswordPolicy;
import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atelier credits grant <tenant> <email> <n>}: gives a user credits, as a ledger entry with a reason. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = {"Gives credits to a user of a tenant. Each run adds one ledger entry (use --key to make a"
                + " retried run add nothing)."})
final class CreditsGrantCommand extends InstallationCommand {

    @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant, by slug.")
    private String slug;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The user's email at that tenant.")
    private String email;

    @Parameters(index = "2", paramLabel = "CREDITS", description = "How many credits (1 to 1000000).")
    private long amount;

    @Option(names = "--reason", description = "Why (kept in the ledger; the user sees it). Default: ${DEFAULT-VALUE}.")
    private String reason = "Granted by the operator";

    @Option(names = "--expires-days", description = "The credits expire after this many days (default: never).")
    private Integer expiresDays;

    @Option(names = "--key", description = "Idempotency key: a second run with the same key grants nothing more.")
    private String key;

    CreditsGrantCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        if (amount < 1 || amount > 1_000_000) {
            spec.commandLine().getErr().println("CREDITS must be between 1 and 1000000, not " + amount);
            return InstallationCommand.EXIT_FAILED;
        }
        return TenantsCommand.withDatabase(this, (database, tenants, config) -> {
            Tenant tenant = tenants.directory().bySlug(slug).orElse(null);
            if (tenant == null) {
                spec.commandLine().getErr().println(new TenantNotFoundException(slug).getMessage()
                        + ". See `atelier tenants list`.");
                return InstallationCommand.EXIT_FAILED;
            }
            Accounts accounts = new Accounts(tenants.scope(), PasswordPolicy.withShippedList(),
                    PasswordHasher.fromConfig(config), Clock.systemUTC());
            Optional<Account> account = accounts.findByEmail(tenant.id(), email);
            if (account.isEmpty()) {
                spec.commandLine().getErr().println(tenant.displayName() + " has no account with the email " + email);
                return InstallationCommand.EXIT_FAILED;
            }
            CreditLedger ledger = new CreditLedger(database.dataSource(), Clock.systemUTC());
            Instant expires = expiresDays == null ? null : Instant.now().plus(Duration.ofDays(expiresDays));
            ledger.grant(tenant.id(), account.get().id(), amount, reason, expires,
                    key == null ? "cli-grant:" + UUID.randomUUID() : "cli-grant:" + key);
            spec.commandLine().getOut().println("Granted " + amount + " credits to " + account.get().email() + " at "
                    + tenant.displayName() + "; balance now " + ledger.balance(tenant.id(), account.get().id()));
            return 0;
        });
    }
}
