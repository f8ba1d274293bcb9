package dev.atelier.web.mail;

import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.billing.notices.BillingNotices;
import dev.atelier.core.hash.Sha256;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.pages.Prices;
import dev.atelier.web.theme.TemplateFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing notices as email in the tenant's theme, queued in the mail outbox on the transaction that applied the change
 * (see {@link BillingNotices}). The outbox row's key is the notice's key, so a notice can be queued only once.
 */
public final class BillingMail implements BillingNotices {

    public static final String RECEIPT = "billing-receipt";
    public static final String RENEWAL = "billing-renewal";
    public static final String PAYMENT_FAILED = "billing-payment-failed";
    public static final String SUBSCRIPTION_CANCELED = "billing-subscription-canceled";
    public static final String CANCEL_SCHEDULED = "billing-cancel-scheduled";
    public static final String REFUND = "billing-refund";
    public static final String LOW_BALANCE = "billing-low-balance";
    /** Every billing template the default theme ships. */
    public static final List<String> TEMPLATES =
            List.of(RECEIPT, RENEWAL, PAYMENT_FAILED, CANCEL_SCHEDULED, SUBSCRIPTION_CANCELED, REFUND, LOW_BALANCE);

    private static final Logger LOG = LoggerFactory.getLogger(BillingMail.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** What one notice renders: a template, its variables, and the site path its button opens. */
    public record Rendering(String template, Map<String, Object> model, String path) {}

    private final MailComposer composer;
    private final MailOutbox outbox;
    private final BiFunction<Tenant, String, String> links;

    /**
     * @param links the absolute link on the tenant's configured host for a site path, as the account emails build
     *              theirs (never from a request's {@code Host})
     */
    public BillingMail(MailComposer composer, MailOutbox outbox, BiFunction<Tenant, String, String> links) {
        this.composer = composer;
        this.outbox = outbox;
        this.links = links;
    }

    @Override
    public void queue(Connection connection, Tenant tenant, BillingNotice notice) throws SQLException {
        Optional<MailComposer.Recipient> to = recipient(connection, tenant.id(), notice.accountId());
        if (to.isEmpty()) {
            // An erased account: its payments stay on record, but there is nobody to write to.
            return;
        }
        Rendering rendering = render(notice);
        Map<String, Object> model = new HashMap<>(rendering.model());
        model.put("link", links.apply(tenant, rendering.path()));
        MailMessage message;
        try {
            message = composer.compose(tenant, rendering.template(), to.get(), model);
        } catch (TemplateFailure | RuntimeException e) {
            // Not even themes/default rendered it (or the tenant has no sender address). The payment or spend itself
            // must still be applied, so this is logged for operators and nothing is sent.
            LOG.error("Tenant {}: could not render the {} email: {}", tenant.slug(), rendering.template(),
                    e.toString());
            return;
        }
        // A storage failure, unlike a rendering one, rolls the change back with it: the provider redelivers.
        outbox.enqueue(connection, message, outboxKey(tenant, notice));
    }

    /** The notice's key under the tenant's id; a provider's long event id is hashed to fit the outbox's limit. */
    static String outboxKey(Tenant tenant, BillingNotice notice) {
        String key = tenant.id() + ":" + notice.key();
        return key.length() <= MailOutbox.MAX_KEY_LENGTH ? key : tenant.id() + ":billing:" + Sha256.hex(notice.key());
    }

    /** The template, variables and link path of a notice. */
    public static Rendering render(BillingNotice notice) {
        Map<String, Object> model = new HashMap<>();
        if (notice instanceof BillingNotice.Paid paid) {
            model.put("description", paid.description());
            model.put("amount", money(paid.amount()));
            model.put("credits", paid.credits());
            model.put("nextRenewal", date(paid.nextRenewal()));
            return new Rendering(paid.renewal() ? RENEWAL : RECEIPT, model,
                    "/account/billing/receipts/" + paid.paymentId());
        }
        if (notice instanceof BillingNotice.PaymentFailed failed) {
            model.put("description", failed.description());
            model.put("renewal", failed.renewal());
            return new Rendering(PAYMENT_FAILED, model, "/account/billing");
        }
        if (notice instanceof BillingNotice.CancelScheduled ending) {
            model.put("plan", ending.planName());
            model.put("endsOn", date(ending.endsAt()));
            return new Rendering(CANCEL_SCHEDULED, model, "/account/billing");
        }
        if (notice instanceof BillingNotice.SubscriptionCanceled canceled) {
            model.put("plan", canceled.planName());
            model.put("endedOn", date(canceled.endedAt()));
            model.put("creditsUntil", date(canceled.creditsUntil()));
            return new Rendering(SUBSCRIPTION_CANCELED, model, "/pricing");
        }
        if (notice instanceof BillingNotice.Refunded refunded) {
            model.put("description", refunded.description());
            model.put("amount", money(refunded.amount()));
            model.put("creditsTakenBack", refunded.creditsTakenBack());
            model.put("owed", refunded.owed());
            return new Rendering(REFUND, model, "/account/billing");
        }
        BillingNotice.LowBalance low = (BillingNotice.LowBalance) notice;
        model.put("balance", low.balance());
        model.put("threshold", low.threshold());
        return new Rendering(LOW_BALANCE, model, "/pricing");
    }

    private static String money(BillingNotice.Money money) {
        return Prices.format(money.minor(), money.currency());
    }

    private static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    /** Read on the notice's own transaction, so it names the account as that transaction sees it. */
    private static Optional<MailComposer.Recipient> recipient(Connection connection, String tenantId,
            String accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT email, display_name FROM account WHERE tenant_id = ? AND id = ?")) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new MailComposer.Recipient(row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        }
    }
}
