package dev.atelier.billing.payments;

import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.spi.payment.PaymentEvent;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Provider events of the sandbox applied to the fixture's records and ledger, each in a transaction of its own as a
 * webhook delivery or the reconciler applies it, on the fixture's clock.
 */
final class TestEvents {

    static final String PROVIDER = "sandbox";

    private final JdbcTransactions transactions;
    private final EventApplier applier;

    TestEvents(LedgerFixture fixture, JdbcTransactions transactions) {
        this.transactions = transactions;
        this.applier = new EventApplier(fixture.ledger, fixture.clock, new UuidV7(fixture.clock, new SecureRandom()));
    }

    /** Tenant ALPHA selling {@code plans} through {@code payment} (none: the platform's default provider). */
    static Tenant alpha(TenantSettings.PluginChoice payment, List<TenantSettings.Plan> plans, Instant createdAt) {
        return new Tenant(LedgerFixture.ALPHA, "alpha", "Alpha", TenantStatus.ACTIVE, "help@alpha.test",
                List.of("alpha.test"), null, new TenantSettings(List.of(), plans, payment, null, null, null, null,
                        null, null), createdAt);
    }

    AppliedEvent apply(Tenant tenant, PaymentEvent event) {
        return transactions.run("test event", connection -> applier.apply(connection, tenant, PROVIDER, event));
    }
}
