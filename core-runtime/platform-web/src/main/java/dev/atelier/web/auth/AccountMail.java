package dev.atelier.web.auth;

import dev.atelier.accounts.Account;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.mail.MailComposer;
import dev.atelier.web.theme.TemplateFailure;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the account emails in the tenant's theme. Mail goes through the outbox, so a slow or unreachable mail server
 * never fails or slows the user's request; the idempotency key makes a retried request queue a message once.
 */
public final class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    private final MailComposer composer;
    private final MailOutbox outbox;

    public AccountMail(MailComposer composer, MailOutbox outbox) {
        this.composer = composer;
        this.outbox = outbox;
    }

    public void welcome(Tenant tenant, Account account) {
        send(tenant, MailComposer.WELCOME, account.email(), account.displayName(), null, null,
                "welcome:" + account.id());
    }

    public void verifyEmail(Tenant tenant, Account account, String link, String tokenKey) {
        send(tenant, MailComposer.VERIFY_EMAIL, account.email(), account.displayName(), link, 24,
                "verify:" + tokenKey);
    }

    /** The confirmation link of an email change goes to the new address. */
    public void confirmNewEmail(Tenant tenant, Account account, String newEmail, String link, String tokenKey) {
        send(tenant, MailComposer.VERIFY_EMAIL, newEmail, account.displayName(), link, 24, "change:" + tokenKey);
    }

    public void passwordReset(Tenant tenant, Account account, String link, String tokenKey) {
        send(tenant, MailComposer.PASSWORD_RESET, account.email(), account.displayName(), link, 1,
                "reset:" + tokenKey);
    }

    /** Tells the previous address that the account's email changed, so a hijack does not go unnoticed. */
    public void emailChanged(Tenant tenant, Account account, String previousEmail) {
        send(tenant, MailComposer.EMAIL_CHANGED, previousEmail, account.displayName(), null, null,
                "email-changed:" + account.id() + ":" + account.email());
    }

    public void accountDeleted(Tenant tenant, Account account) {
        send(tenant, MailComposer.ACCOUNT_DELETED, account.email(), account.displayName(), null, null,
                "deleted:" + account.id());
    }

    private void send(Tenant tenant, String template, String to, String name, String link, Integer hours,
            String key) {
        Map<String, Object> model = new HashMap<>();
        model.put("link", link);
        model.put("expiresInHours", hours);
        try {
            outbox.enqueue(composer.compose(tenant, template, new MailComposer.Recipient(to, name), model),
                    tenant.id() + ":" + Tokens.key(key));
        } catch (TemplateFailure | SQLException | RuntimeException e) {
            // The user's action has happened; a missing email can be asked for again (resend, reset), so the
            // request still succeeds. Operators see the failure here.
            LOG.error("Tenant {}: could not queue the {} email: {}", tenant.slug(), template, e.toString());
        }
    }
}
