package dev.atelier.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.credits.LedgerTestBase;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.spi.payment.Offer;
import dev.atelier.spi.payment.PaymentEvent.Period;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionCanceled;
import dev.atelier.spi.payment.PaymentEvent.SubscriptionStarted;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue priority a subscription gives: its plan's while it is active, none otherwise. */
class QueuePriorityTest extends LedgerTestBase {

    private static final String ADA = "acc_ada";
    private static final String BOB = "acc_bob";

    private TestEvents events;
    private QueuePriority priorities;
    private Tenant tenant;

    @BeforeEach
    void start() {
        events = new TestEvents(fixture, transactions);
        priorities = new QueuePriority(fixture.database.dataSource());
        tenant = TestEvents.alpha(new TenantSettings.PluginChoice(TestEvents.PROVIDER, Map.of()), List.of(
                new Plan("starter", "Starter", 900, "USD", "month", 300, List.of(), false, false, 0, null, Map.of()),
                new Plan("creator", "Creator", 1900, "USD", "month", 800, List.of("Priority in the queue"), true,
                        false, 0, null, Map.of(), 10)), now);
    }

    @Test
    void anActiveSubscriptionGivesItsPlansPriorityAndEndsWithIt() {
        subscribe(ADA, "creator", "sub_ada");
        subscribe(BOB, "starter", "sub_bob");

        assertThat(priorities.of(tenant, ADA)).isEqualTo(10);
        assertThat(priorities.of(tenant, BOB)).isEqualTo(Plan.NO_PRIORITY);
        assertThat(priorities.of(tenant, "acc_nobody")).isEqualTo(Plan.NO_PRIORITY);

        events.apply(tenant, new SubscriptionCanceled("evt_end", now.plusSeconds(60), "cus_" + ADA, "sub_ada",
                now.plusSeconds(60)));

        assertThat(priorities.of(tenant, ADA)).isEqualTo(Plan.NO_PRIORITY);
    }

    private void subscribe(String account, String plan, String subscription) {
        Offer offer = TenantOffers.find(tenant, plan).orElseThrow();
        String checkout = TestCheckouts.open(transactions, TestEvents.PROVIDER, account, offer, now);
        events.apply(tenant, new SubscriptionStarted("evt_" + subscription, now, checkout, "cus_" + account,
                subscription, plan, new Period(now, now.plus(Duration.ofDays(30)))));
    }
}
