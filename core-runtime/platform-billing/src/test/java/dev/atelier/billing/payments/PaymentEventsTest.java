package dev.atelier.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.billing.credits.LedgerTestBase;
import dev.atelier.billing.payments.AppliedEvent.Outcome;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent;
import dev.atelier.spi.payment.PaymentEvent.DisputeClosed;
import dev.atelier.spi.payment.PaymentEvent.DisputeOpened;
import dev.atelier.spi.payment.PaymentEvent.PaymentFailed;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.Refunded;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionChanged;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provider events applied to the records and the ledger: once, in any order, never losing one. */
class PaymentEventsTest extends LedgerTestBase {

    private static final String ADA = "acc_ada";
    private static final Offer CREATOR = new Offer("creator", "Creator plan", Offer.Interval.MONTH, 1900, "usd", 800,
            null);
    private static final Offer TOPUP = new Offer("topup-200", "200 credits", Offer.Interval.ONCE, 700, "usd", 200,
            null);

    private TestEvents events;
    private Tenant tenant;

    @BeforeEach
    void start() {
        events = new TestEvents(fixture, transactions);
        tenant = TestEvents.alpha(null, List.of(
                new TenantSettings.Plan("creator", "Creator", 1900, "USD", "month", 800, List.of(), true),
                new TenantSettings.Plan("topup-200", "200 credits", 700, "USD", null, 200, List.of(), false)), now);
    }

    @Test
    void aPaidTopUpGrantsItsCreditsOnceHoweverOftenItArrives() {
        String checkout = openCheckout(TOPUP);
        PaymentSucceeded paid = topUpPaid("evt_1", checkout, "pi_1");

        assertThat(apply(paid).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(apply(paid).outcome()).isEqualTo(Outcome.DUPLICATE);
        // The same payment found again under another event id (the reconciler) counts once too.
        assertThat(apply(topUpPaid("lookup_1", checkout, "pi_1")).outcome()).isEqualTo(Outcome.NO_CHANGE);

        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).isEqualTo(200);
        assertThat(fixture.number("SELECT count(*) FROM billing_payment")).isEqualTo(1);
        assertThat(fixture.number("SELECT count(*) FROM billing_checkout WHERE status = 'PAID'")).isEqualTo(1);
    }

    @Test
    void fiftySimultaneousDeliveriesOfOneEventGrantOnce() throws Exception {
        String checkout = openCheckout(TOPUP);
        PaymentSucceeded paid = topUpPaid("evt_many", checkout, "pi_many");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AppliedEvent>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return apply(paid);
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<AppliedEvent> result : results) {
            outcomes.add(result.get().outcome());
        }
        pool.shutdown();

        assertThat(outcomes).containsOnlyOnce(Outcome.APPLIED).filteredOn(o -> o != Outcome.APPLIED)
                .containsOnly(Outcome.DUPLICATE);
        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).isEqualTo(200);
        assertThat(fixture.runningTotalsOffTheLedger()).isZero();
    }

    @Test
    void theFirstInvoicePaidBeforeItsCheckoutCompletedIsStillCreditedOnceAndTheSubscriptionStarts() {
        String checkout = openCheckout(CREATOR);
        Period first = new Period(now, now.plus(Duration.ofDays(30)));

        apply(new PaymentSucceeded("evt_invoice", now, null, "cus_ada", "pi_first", 1900, "usd", "creator",
                "sub_x", first));
        apply(new SubscriptionStarted("evt_completed", now.plusSeconds(1), checkout, "cus_ada", "sub_x", "creator",
                first));

        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).isEqualTo(800);
        assertThat(fixture.number("SELECT count(*) FROM billing_subscription WHERE status = 'ACTIVE'")).isEqualTo(1);
        assertThat(fixture.number("SELECT count(*) FROM billing_checkout WHERE status = 'PAID'")).isEqualTo(1);
    }

    @Test
    void eachPaidPeriodGrantsThePlanCreditsThatLastUntilThePeriodEnds() {
        String checkout = openCheckout(CREATOR);
        Period first = new Period(now, now.plus(Duration.ofDays(30)));
        Period second = new Period(first.end(), first.end().plus(Duration.ofDays(30)));
        apply(new SubscriptionStarted("evt_started", now, checkout, "cus_ada", "sub_x", "creator", first));
        apply(new PaymentSucceeded("evt_p1", now, checkout, "cus_ada", "pi_1", 1900, "usd", "creator", "sub_x",
                first));

        fixture.clock.advance(Duration.ofDays(30));
        AppliedEvent renewal = apply(new PaymentSucceeded("evt_p2", first.end(), null, "cus_ada", "pi_2", 1900,
                "usd", null, "sub_x", second));

        assertThat(renewal.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).as("the first period's credits ended with it")
                .isEqualTo(800);
        assertThat(fixture.number("SELECT count(*) FROM billing_subscription WHERE period_end = ?",
                second.end().atOffset(java.time.ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void aProrationPaidInsideAPaidPeriodIsRecordedAndTheNewPlanGrantsFromTheNextPeriod() {
        String checkout = openCheckout(CREATOR);
        Period first = new Period(now, now.plus(Duration.ofDays(30)));
        apply(new SubscriptionStarted("evt_started", now, checkout, "cus_ada", "sub_x", "creator", first));
        apply(new PaymentSucceeded("evt_p1", now, checkout, "cus_ada", "pi_1", 1900, "usd", "creator", "sub_x",
                first));
        Period rest = new Period(now.plus(Duration.ofDays(10)), first.end());

        AppliedEvent proration = apply(new PaymentSucceeded("evt_upgrade", rest.start(), null, "cus_ada", "pi_up",
                2000, "usd", "creator", "sub_x", rest));

        assertThat(proration.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).as("the period granted its credits once")
                .isEqualTo(800);
        assertThat(fixture.number("SELECT count(*) FROM billing_payment WHERE provider_payment_id = 'pi_up'"
                + " AND credits = 0")).isEqualTo(1);
    }

    @Test
    void aChangeArrivingAfterTheCancellationLeavesTheSubscriptionCanceled() {
        String checkout = openCheckout(CREATOR);
        Period first = new Period(now, now.plus(Duration.ofDays(30)));
        apply(new SubscriptionStarted("evt_started", now, checkout, "cus_ada", "sub_x", "creator", first));

        apply(new SubscriptionCanceled("evt_deleted", now.plusSeconds(20), "cus_ada", "sub_x", now.plusSeconds(20)));
        AppliedEvent late = apply(new SubscriptionChanged("evt_updated", now.plusSeconds(10), "cus_ada", "sub_x",
                "creator", first, true));

        assertThat(late.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(fixture.number("SELECT count(*) FROM billing_subscription WHERE status = 'CANCELED'"))
                .isEqualTo(1);
    }

    @Test
    void aDeclinedCheckoutFailsAndGrantsNothing() {
        String checkout = openCheckout(TOPUP);

        assertThat(apply(new PaymentFailed("evt_declined", now, checkout, "cus_ada", null, "card declined"))
                .outcome()).isEqualTo(Outcome.APPLIED);

        assertThat(fixture.number("SELECT count(*) FROM billing_checkout WHERE status = 'FAILED'")).isEqualTo(1);
        assertThat(fixture.ledger.balance(LedgerFixture.ALPHA, ADA)).isZero();
    }

    @Test
    void anEventForAnUnknownCustomerIsKeptForReviewAndChangesNothing() {
        AppliedEvent stray = apply(new PaymentSucceeded("evt_stray", now, null, "cus_nobody", "pi_x", 700, "usd",
                "topup-200", null, null));

        assertThat(stray.outcome()).isEqualTo(Outcome.UNMATCHED);
        assertThat(fixture.number("SELECT count(*) FROM billing_event WHERE outcome = 'UNMATCHED'"
                + " AND content->>'providerCustomerId' = 'cus_nobody'")).isEqualTo(1);
        assertThat(fixture.number("SELECT count(*) FROM billing_payment")).isZero();
    }

    @Test
    void aFullRefundTakesBackWhatIsLeftOwesTheSpentPartAndLaterGrantsSettleIt() throws Exception {
        apply(topUpPaid("evt_paid", openCheckout(TOPUP), "pi_r"));
        spend(150);

        AppliedEvent refunded = apply(new Refunded("evt_refund", now, "cus_ada", "pi_r", "re_1", null, 700, "usd"));
        AppliedEvent again = apply(new Refunded("evt_refund_again", now, "cus_ada", "pi_r", "re_1", null, 700, "usd"));

        assertThat(refunded.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(again.outcome()).isEqualTo(Outcome.NO_CHANGE);
        assertThat(balance()).isZero();
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isEqualTo(150);
        assertThatThrownBy(() -> hold("gen_waits", 1)).isInstanceOf(InsufficientCreditsException.class);

        fixture.ledger.grant(LedgerFixture.ALPHA, ADA, 100, "Goodwill", null, "goodwill-1");
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isEqualTo(50);
        assertThat(balance()).isZero();
        fixture.ledger.grant(LedgerFixture.ALPHA, ADA, 100, "Goodwill", null, "goodwill-2");
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isZero();
        assertThat(balance()).isEqualTo(50);
        assertThat(fixture.number("SELECT refunded_minor FROM billing_payment")).isEqualTo(700);
        assertThat(fixture.runningTotalsOffTheLedger()).isZero();
    }

    @Test
    void twoHalfRefundsTakeBackAllTheCreditsBetweenThem() {
        apply(topUpPaid("evt_paid", openCheckout(TOPUP), "pi_half"));

        apply(new Refunded("evt_r1", now, "cus_ada", "pi_half", "re_a", null, 350, "usd"));
        assertThat(balance()).isEqualTo(100);
        apply(new Refunded("evt_r2", now, "cus_ada", "pi_half", "re_b", null, 350, "usd"));

        assertThat(balance()).isZero();
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isZero();
    }

    @Test
    void aDisputeFreezesTheUnspentCreditsAndALostOneOwesTheSpentRest() throws Exception {
        apply(topUpPaid("evt_paid", openCheckout(TOPUP), "pi_d"));
        spend(150);

        apply(new DisputeOpened("evt_dp", now, "cus_ada", "pi_d", "dp_1", 700, "usd"));
        assertThat(balance()).as("the 50 unspent credits are frozen").isZero();
        String paymentId = paymentIdOf("pi_d");
        boolean open = transactions.run("dispute open", c -> new Reversals(fixture.ledger, fixture.clock, null)
                .disputeOpen(c, LedgerFixture.ALPHA, paymentId));
        assertThat(open).as("refunds wait for the dispute").isTrue();
        apply(new DisputeClosed("evt_dp_lost", now, "cus_ada", "pi_d", "dp_1", false));

        assertThat(balance()).isZero();
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isEqualTo(150);
        assertThat(apply(new DisputeClosed("evt_dp_lost2", now, "cus_ada", "pi_d", "dp_1", false)).outcome())
                .isEqualTo(Outcome.NO_CHANGE);
    }

    @Test
    void aWonDisputeGivesTheFrozenCreditsBack() {
        apply(topUpPaid("evt_paid", openCheckout(TOPUP), "pi_w"));

        apply(new DisputeOpened("evt_dp", now, "cus_ada", "pi_w", "dp_2", 700, "usd"));
        assertThat(balance()).isZero();
        apply(new DisputeClosed("evt_dp_won", now, "cus_ada", "pi_w", "dp_2", true));

        assertThat(balance()).isEqualTo(200);
        assertThat(fixture.ledger.shortfall(LedgerFixture.ALPHA, ADA)).isZero();
    }

    private String paymentIdOf(String providerPaymentId) {
        return transactions.run("payment id", c -> {
            try (var select = c.prepareStatement("SELECT id FROM billing_payment WHERE provider_payment_id = ?")) {
                select.setString(1, providerPaymentId);
                try (var row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }

    private long balance() {
        return fixture.ledger.balance(LedgerFixture.ALPHA, ADA);
    }

    private void hold(String job, long credits) {
        transactions.run("test hold", connection -> fixture.ledger.hold(connection, LedgerFixture.ALPHA, ADA, job,
                credits));
    }

    private void spend(long credits) {
        hold("gen_spent", credits);
        transactions.run("test capture", connection -> fixture.ledger.capture(connection, LedgerFixture.ALPHA,
                "gen_spent"));
    }

    private PaymentSucceeded topUpPaid(String eventId, String checkout, String paymentId) {
        return new PaymentSucceeded(eventId, now, checkout, "cus_ada", paymentId, 700, "usd", "topup-200", null, null);
    }

    private String openCheckout(Offer offer) {
        return TestCheckouts.open(transactions, TestEvents.PROVIDER, ADA, offer, now);
    }

    private AppliedEvent apply(PaymentEvent event) {
        return events.apply(tenant, event);
    }
}
