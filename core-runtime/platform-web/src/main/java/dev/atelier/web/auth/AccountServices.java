package dev.atelier.web.auth;

import dev.atelier.accounts.AccountChanges;
import dev.atelier.accounts.AccountSuspensions;
import dev.atelier.accounts.Accounts;
import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.ApiTokens;
import dev.atelier.accounts.Consents;
import dev.atelier.accounts.ExternalSignIns;
import dev.atelier.accounts.PersonalData;
import dev.atelier.accounts.Sessions;
import dev.atelier.accounts.SignedInUsers;
import dev.atelier.accounts.TenantAdmins;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.accounts.operators.OperatorTokens;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.web.bots.FailedSignIns;
import java.util.Objects;

/**
 * What the account pages and the authentication of requests need from the core.
 *
 * @param failedSignIns the failed sign-ins that make sign-in ask for a bot challenge, counted for the cluster when
 *     Redis is configured
 * @param google finds the OpenID provider behind "Sign in with Google"
 * @param secrets keys CSRF tokens and seals the pending-sign-in cookie
 * @param cookies whether cookies are {@code Secure}
 * @param suspensions suspends and resumes accounts, for tenant admins
 * @param audit the audit log of tenant admins' changes
 * @param changes what the account services tell of changes a signed-in request must see at once (for the other nodes)
 */
public record AccountServices(
        Accounts accounts,
        Sessions sessions,
        SignedInUsers signedInUsers,
        ApiTokens apiTokens,
        ExternalSignIns externalSignIns,
        TenantAdmins admins,
        Consents consents,
        PersonalData personalData,
        OperatorTokens operatorTokens,
        MailOutbox outbox,
        RateLimiter rateLimiter,
        FailedSignIns failedSignIns,
        SecretBox secrets,
        GoogleProvider google,
        Cookies cookies,
        AccountChanges changes,
        AccountSuspensions suspensions,
        AdminAudit audit) {

    public AccountServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(signedInUsers, "signedInUsers");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(externalSignIns, "externalSignIns");
        Objects.requireNonNull(admins, "admins");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(personalData, "personalData");
        Objects.requireNonNull(operatorTokens, "operatorTokens");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Objects.requireNonNull(failedSignIns, "failedSignIns");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(google, "google");
        Objects.requireNonNull(cookies, "cookies");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(suspensions, "suspensions");
        Objects.requireNonNull(audit, "audit");
    }
}
