package dev.atelier.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.billing.notices.BillingNotices;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an account's owner is told about applied payment events: each notice queued in the mail outbox on the event's
 * own transaction, so an event delivered again tells nothing more and one that rolls back tells nothing.
 */
@ExtendWith(LedgerFixture.Extension.class)
class BillingNoticesTest {

    private static final String ADA = "acc_ada";
    private static final String PROVIDER = "sandbox";
    private static final Offer CREATOR = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
            null);

    private final List<BillingNotice> told = new CopyOnWriteArrayList<>();
    private LedgerFixture fixture;
    private JdbcTransactions transactions;
    private EventApplier applier;
    private Tenant tenant;
    private Instant now;

    @BeforeEach
    void start(LedgerFixture fixture) {
        this.fixture = fixture;
        transactions = new JdbcTransactions(fixture.database.dataSource());
        MailOutbox outbox = new MailOutbox(fixture.database.dataSource(), fixture.clock);
        BillingNotices notices = (connection, tenant, notice) -> {
            told.add(notice);
            outbox.enqueue(connection, new MailMessage(tenant.id(), tenant.displayName(), tenant.supportEmail(),
                    "ada@example.com", notice.getClass().getSimpleName(), notice.toString(), null), notice.key());
        };
        applier = new EventApplier(fixture.ledger, fixture.clock, new UuidV7(fixture.clock, new SecureRandom()),
                notices);
        now = fixture.clock.instant();
        tenant = new Tenant(LedgerFixture.ALPHA, "alpha", "Alpha", TenantStatus.ACTIVE, "help@alpha.test",
                List.of("alpha.test"), null, new TenantSettings(List.of(), List.of(
                        new TenantSettings.Plan("creator", "Creator", 1900, "USD", "month", 800, List.of(), true),
                        new TenantSettings.Plan("topup-200", "200 credits", 700, "USD", null, 200, List.of(), false)),
                        (TenantSettings.PluginChoice) null, null, null, null, null, null, null), now);
        transactions.run("test customer", connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO billing_customer (tenant_id, provider,"
                    + " account_id, provider_customer_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                Sql.bind(insert, LedgerFixture.ALPHA, PROVIDER, ADA, "cus_ada", now).executeUpdate();
            }
            return null;
        });
    }

    @Test
    void aPlansFirstPaymentIsAReceiptItsNextARenewalItsCancellationSaysWhenItEndsAndItsEndUntilWhenCreditsLast() {
        Period first = new Period(now, now.plus(Duration.ofDays(30)));
        Period second = new Period(first.end(), first.end().plus(Duration.ofDays(30)));
        apply(new SubscriptionStarted("evt_start", now, null, "cus_ada", "sub_x", "creator", first));
        PaymentSucceeded paid = new PaymentSucceeded("evt_p1", now, null, "cus_ada", "pi_1", 1900, "usd", "creator",
                "sub_x", first);
        apply(paid);
        apply(paid);
        fixture.clock.advance(Duration.ofDays(30));
        apply(new PaymentSucceeded("evt_p2", first.end(), null, "cus_ada", "pi_2", 1900, "usd", null, "sub_x",
                second));
        SubscriptionChanged cancelAtEnd = new SubscriptionChanged("evt_end", first.end().plusSeconds(30), "cus_ada",
                "sub_x", null, second, true);
        apply(cancelAtEnd);
        apply(new SubscriptionChanged("evt_end_again", first.end().plusSeconds(40), "cus_ada", "sub_x", null, second,
                true));
        SubscriptionCanceled canceled = new SubscriptionCanceled("evt_c", first.end().plusSeconds(60), "cus_ada",
                "sub_x", first.end().plusSeconds(60));
        apply(canceled);
        apply(canceled);

        assertThat(told).hasSize(4);
        assertThat(told.get(0)).isInstanceOfSatisfying(BillingNotice.Paid.class, receipt -> {
            assertThat(receipt.renewal()).isFalse();
            assertThat(receipt.credits()).isEqualTo(800);
            assertThat(receipt.amount()).isEqualTo(new BillingNotice.Money(1900, "usd"));
            assertThat(receipt.nextRenewal()).isEqualTo(first.end());
        });
        assertThat(told.get(1)).isInstanceOfSatisfying(BillingNotice.Paid.class, renewal -> {
            assertThat(renewal.renewal()).isTrue();
            assertThat(renewal.nextRenewal()).isEqualTo(second.end());
        });
        assertThat(told.get(2)).as("once, when the cancellation is scheduled")
                .isEqualTo(new BillingNotice.CancelScheduled(ADA, PROVIDER + ":evt_end", CREATOR.name(), second.end()));
        assertThat(told.get(3)).isEqualTo(new BillingNotice.SubscriptionCanceled(ADA, subscriptionId(),
                CREATOR.name(), canceled.endedAt(), second.end()));
        assertThat(fixture.number("SELECT count(*) FROM mail_outbox")).isEqualTo(4);
    }

    @Test
    void aFailedRenewalAndARefundAtTheProviderAreToldOnceEach() {
        Period first = new Period(now, now.plus(Duration.ofDays(30)));
        apply(new PaymentSucceeded("evt_p1", now, null, "cus_ada", "pi_1", 1900, "usd", "creator", "sub_x", first));
        PaymentFailed failed = new PaymentFailed("evt_f", now.plusSeconds(5), null, "cus_ada", "sub_x",
                "Your card was declined.");
        Refunded refunded = new Refunded("evt_r", now.plusSeconds(9), "cus_ada", "pi_1", "re_1", null, 950, "usd");
        apply(failed);
        apply(failed);
        apply(refunded);
        apply(refunded);

        assertThat(told).hasSize(3);
        assertThat(told.get(1)).as("the provider's reason is for the log, not the payer")
                .isEqualTo(new BillingNotice.PaymentFailed(ADA, PROVIDER + ":evt_f", CREATOR.name(), true));
        assertThat(told.get(2)).isInstanceOfSatisfying(BillingNotice.Refunded.class, refund -> {
            assertThat(refund.amount()).isEqualTo(new BillingNotice.Money(950, "usd"));
            assertThat(refund.creditsTakenBack()).isEqualTo(400);
            assertThat(refund.owed()).isZero();
            assertThat(refund.description()).isEqualTo(CREATOR.name());
        });
        assertThat(fixture.number("SELECT count(*) FROM mail_outbox")).isEqualTo(3);
    }

    @Test
    void anEventWhoseTransactionRollsBackLeavesNoMail() {
        PaymentSucceeded paid = new PaymentSucceeded("evt_t", now, null, "cus_ada", "pi_t", 700, "usd", "topup-200",
                null, null);

        assertThatThrownBy(() -> transactions.run("event that fails later", (Connection connection) -> {
            applier.apply(connection, tenant, PROVIDER, paid);
            throw new IllegalStateException("something after the event failed");
        })).hasMessageContaining("something after");

        assertThat(told).hasSize(1);
        assertThat(fixture.number("SELECT count(*) FROM mail_outbox")).isZero();
        apply(paid);
        assertThat(fixture.number("SELECT count(*) FROM mail_outbox")).isEqualTo(1);
    }

    private String subscriptionId() {
        return transactions.run("subscription id", connection -> EventApplier.findSubscription(connection,
                LedgerFixture.ALPHA, PROVIDER, "sub_x").orElseThrow().id());
    }

    private AppliedEvent apply(PaymentEvent event) {
        return transactions.run("test event", (Connection connection) ->
                applier.apply(connection, tenant, PROVIDER, event));
    }
}
