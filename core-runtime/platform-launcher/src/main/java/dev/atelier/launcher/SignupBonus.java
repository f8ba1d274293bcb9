package dev.atelier.launcher;

import dev.atelier.accounts.Account;
import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import java.time.Duration;
import java.time.Instant;

/** The tenant's welcome credits ({@code credits.signup_bonus}), granted once per new account. */
final class SignupBonus {

    private final CreditLedger ledger;

    SignupBonus(CreditLedger ledger) {
        this.ledger = ledger;
    }

    void grant(Tenant tenant, Account account) {
        TenantSettings.Credits credits = tenant.settings() == null ? null : tenant.settings().credits();
        if (credits == null || credits.signupBonus() <= 0) {
            return;
        }
        Instant expires = credits.signupBonusExpiresDays() == null ? null
                : Instant.now().plus(Duration.ofDays(credits.signupBonusExpiresDays()));
        // The key makes a repeated call (a retried request) grant nothing more.
        ledger.grant(tenant.id(), account.id(), credits.signupBonus(), "Welcome bonus", expires,
                "signup-bonus:" + account.id());
    }
}
