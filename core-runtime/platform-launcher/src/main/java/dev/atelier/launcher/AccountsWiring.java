package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.accounts.AccountChanges;
import dev.atelier.accounts.AccountSuspensions;
import dev.atelier.accounts.Accounts;
import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.ApiTokens;
import dev.atelier.accounts.Consents;
import dev.atelier.accounts.ExternalSignIns;
import dev.atelier.accounts.PasswordHasher;
import dev.atelier.accounts.PasswordPolicy;
import dev.atelier.accounts.PersonalData;
import dev.atelier.accounts.PersonalDataParticipant;
import dev.atelier.accounts.Sessions;
import dev.atelier.accounts.SignedInUsers;
import dev.atelier.accounts.TenantAdmins;
import dev.atelier.core.db.Database;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.accounts.operators.OperatorTokens;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Cookies;
import dev.atelier.web.auth.GoogleProvider;
import dev.atelier.web.bots.FailedSignIns;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Builds the account services from the configuration: one place that knows every constructor. */
final class AccountsWiring {

    private AccountsWiring() {}

    static AccountServices build(AtelierConfig config, Database database, TenantModule tenants, SecretBox secrets,
            List<PersonalDataParticipant> participants, RateLimiter limiter, FailedSignIns failedSignIns) {
        Clock clock = Clock.systemUTC();
        TenantScope scope = tenants.scope();
        AccountChanges changes = new AccountChanges();
        AdminAudit audit = new AdminAudit(scope, clock);
        Accounts accounts = new Accounts(scope, PasswordPolicy.withShippedList(), PasswordHasher.fromConfig(config),
                clock, changes);
        Sessions sessions = Sessions.fromConfig(scope, clock, config, changes);
        ApiTokens apiTokens = ApiTokens.fromConfig(scope, clock, config, changes);
        ExternalSignIns external = new ExternalSignIns(scope, clock, changes);
        Consents consents = new Consents(scope, clock);
        PersonalData personalData = new PersonalData(scope, accounts, external, sessions, apiTokens, consents,
                participants);
        TenantAdmins admins = new TenantAdmins(scope, tenants.directory(), clock, changes);
        SignedInUsers signedIn = new SignedInUsers(scope, sessions, apiTokens, admins, clock,
                config.get(Keys.SESSION_CACHE_MAX_AGE), changes);
        return new AccountServices(accounts, sessions, signedIn, apiTokens,
                external, admins, consents, personalData,
                new OperatorTokens(database.entityManagerFactory(), clock), new MailOutbox(database.dataSource()),
                limiter, failedSignIns, secrets,
                new GoogleProvider(URI.create(config.get(Keys.GOOGLE_ISSUER))),
                new Cookies(config.get(Keys.SECURE_COOKIES)), changes,
                new AccountSuspensions(scope, clock, audit, changes), audit);
    }
}
