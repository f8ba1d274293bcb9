package dev.atelier.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.billing.credits.LedgerTestBase;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent.PaymentSucceeded;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Renewals of plans as the tenant changes them: rollover of unused credits (none, capped, all), archived and removed
 * plans, how long top-ups last, and the provider price ids offers carry.
 */
class PlanRenewalsTest extends LedgerTestBase {

    private static final String ADA = "acc_ada";
    private static final Duration MONTH = Duration.ofDays(30);

    private TestEvents events;
    private Period first;
    private Period second;

    @BeforeEach
    void start() {
        events = new TestEvents(fixture, transactions);
        first = new Period(now, now.plus(MONTH));
        second = new Period(first.end(), first.end().plus(MONTH));
    }

    @Test
    void withoutRolloverUnusedCreditsEndWithTheirPeriod() {
        Tenant tenant = tenant(plan(Plan.NO_ROLLOVER, false));
        subscribeAndSpend(tenant, 100);

        renew(tenant);

        fixture.clock.advance(MONTH);
        assertThat(balance()).as("only the new period's credits").isEqualTo(300);
        assertThat(reasons()).noneMatch(reason -> reason.contains("carried over"));
    }

    @Test
    void aCappedRolloverCarriesAtMostItsMaximumUntilTheNextPeriodEnds() {
        Tenant tenant = tenant(plan(150, false));
        subscribeAndSpend(tenant, 100);

        renew(tenant);

        assertThat(balance()).as("nothing counts twice before the first period ends").isEqualTo(200 + 300);
        LedgerEntry carried = carried();
        assertThat(carried.amount()).isEqualTo(150);
        assertThat(carried.reason()).isEqualTo("Creator plan: unused credits carried over");
        assertThat(carried.expiresAt()).isEqualTo(second.end());
        fixture.clock.advance(MONTH);
        assertThat(balance()).as("150 of the 200 unused carried, 50 expired").isEqualTo(150 + 300);
        fixture.clock.advance(MONTH);
        assertThat(balance()).as("carried credits end with the next period").isZero();
    }

    @Test
    void anAllRolloverCarriesEverythingLeftAgainAndAgain() {
        Tenant tenant = tenant(plan(Plan.ROLLOVER_ALL, false));
        subscribeAndSpend(tenant, 100);
        renew(tenant);
        fixture.clock.advance(MONTH);
        assertThat(balance()).isEqualTo(200 + 300);

        Period third = new Period(second.end(), second.end().plus(MONTH));
        apply(tenant, new PaymentSucceeded("evt_p3", second.end(), null, "cus_ada", "pi_3", 1900, "usd", null,
                "sub_x", third));
        fixture.clock.advance(MONTH);

        assertThat(balance()).as("both carried and plan credits of the second period carry on").isEqualTo(500 + 300);
    }

    @Test
    void anArchivedPlansSubscriberStillGetsTheNextPeriodsCredits() {
        subscribeAndSpend(tenant(plan(Plan.NO_ROLLOVER, false)), 0);
        Tenant archived = tenant(plan(Plan.NO_ROLLOVER, true));

        AppliedEvent renewal = renew(archived);

        assertThat(renewal.outcome()).isEqualTo(AppliedEvent.Outcome.APPLIED);
        fixture.clock.advance(MONTH);
        assertThat(balance()).isEqualTo(300);
        assertThat(TenantOffers.find(archived, "creator")).as("not for sale").isEmpty();
        assertThat(TenantOffers.resolve(archived, "creator")).isPresent();
    }

    @Test
    void aPlanRemovedFromTheConfigurationKeepsGrantingWhatTheSubscriptionWasBoughtWith() {
        subscribeAndSpend(tenant(plan(Plan.NO_ROLLOVER, false)), 0);
        Tenant removed = tenant();

        AppliedEvent renewal = renew(removed);

        assertThat(renewal.outcome()).isEqualTo(AppliedEvent.Outcome.APPLIED);
        assertThat(renewal.detail()).contains("granted 300 credits for Creator plan");
        fixture.clock.advance(MONTH);
        assertThat(balance()).isEqualTo(300);
    }

    @Test
    void aTopUpWithValidDaysExpiresThatLongAfterThePaymentAndOneWithoutNever() {
        Plan lasting = new Plan("topup-200", "200 credits", 700, "USD", null, 200, List.of(), false, false,
                Plan.NO_ROLLOVER, 30, Map.of());
        Plan forever = new Plan("topup-600", "600 credits", 1800, "USD", null, 600, List.of(), false);
        Tenant tenant = tenant(lasting, forever);
        Instant paidAt = now.plus(Duration.ofDays(2));

        apply(tenant, new PaymentSucceeded("evt_t1", paidAt, checkout(tenant, "topup-200"), "cus_ada", "pi_t1", 700,
                "usd", "topup-200", null, null));
        apply(tenant, new PaymentSucceeded("evt_t2", paidAt, checkout(tenant, "topup-600"), "cus_ada", "pi_t2", 1800,
                "usd", "topup-600", null, null));

        List<LedgerEntry> grants = fixture.ledger.entries(LedgerFixture.ALPHA, ADA);
        assertThat(grants).filteredOn(e -> e.amount() == 200).singleElement().extracting(LedgerEntry::expiresAt)
                .isEqualTo(paidAt.plus(Duration.ofDays(30)));
        assertThat(grants).filteredOn(e -> e.amount() == 600).singleElement().extracting(LedgerEntry::expiresAt)
                .isNull();
    }

    @Test
    void anOfferCarriesThePriceIdMappedForTheTenantsProviderOnly() {
        Plan mapped = new Plan("creator", "Creator", 1900, "USD", "month", 300, List.of(), false, false,
                Plan.NO_ROLLOVER, null, Map.of("stripe", "price_123", "other", "price_9"));
        Tenant stripe = tenant(new TenantSettings.PluginChoice("stripe", Map.of()), mapped);
        Tenant sandbox = tenant(mapped);

        assertThat(TenantOffers.find(stripe, "creator").orElseThrow().providerPriceId()).isEqualTo("price_123");
        assertThat(TenantOffers.find(sandbox, "creator").orElseThrow().providerPriceId()).isNull();
    }

    private static Plan plan(long rollover, boolean archived) {
        return new Plan("creator", "Creator", 1900, "USD", "month", 300, List.of(), false, archived, rollover, null,
                Map.of());
    }

    private Tenant tenant(Plan... plans) {
        return tenant(new TenantSettings.PluginChoice(TestEvents.PROVIDER, Map.of()), plans);
    }

    private Tenant tenant(TenantSettings.PluginChoice payment, Plan... plans) {
        return TestEvents.alpha(payment, List.of(plans), now);
    }

    /** Subscribes Ada to the plan (its first period paid) and spends {@code credits} of it. */
    private void subscribeAndSpend(Tenant tenant, long credits) {
        String checkout = checkout(tenant, "creator");
        apply(tenant, new SubscriptionStarted("evt_started", now, checkout, "cus_ada", "sub_x", "creator", first));
        apply(tenant, new PaymentSucceeded("evt_p1", now, checkout, "cus_ada", "pi_1", 1900, "usd", "creator",
                "sub_x", first));
        if (credits > 0) {
            transactions.run("test hold", c -> fixture.ledger.hold(c, LedgerFixture.ALPHA, ADA, "gen_1", credits));
            transactions.run("test capture", c -> fixture.ledger.capture(c, LedgerFixture.ALPHA, "gen_1"));
        }
    }

    /** The provider's invoice for the second period, paid before the first one ends, as Stripe's arrive. */
    private AppliedEvent renew(Tenant tenant) {
        return apply(tenant, new PaymentSucceeded("evt_p2", first.end().minusSeconds(60), null, "cus_ada", "pi_2",
                1900, "usd", null, "sub_x", second));
    }

    private String checkout(Tenant tenant, String offerId) {
        Offer offer = TenantOffers.find(tenant, offerId).orElseThrow();
        return TestCheckouts.open(transactions, TestEvents.PROVIDER, ADA, offer, now);
    }

    private AppliedEvent apply(Tenant tenant, dev.atelier.spi.payment.PaymentEvent event) {
        return events.apply(tenant, event);
    }

    private long balance() {
        return fixture.ledger.balance(LedgerFixture.ALPHA, ADA);
    }

    private List<String> reasons() {
        return fixture.ledger.entries(LedgerFixture.ALPHA, ADA).stream().map(LedgerEntry::reason)
                .filter(java.util.Objects::nonNull).toList();
    }

    private LedgerEntry carried() {
        return fixture.ledger.entries(LedgerFixture.ALPHA, ADA).stream()
                .filter(e -> e.reason() != null && e.reason().contains("carried over")).findFirst().orElseThrow();
    }
}
