package dev.atelier.payment.sandbox.internal;

import dev.atelier.spi.payment.PaymentProvider;
import dev.atelier.spi.plugin.WebhookMessage;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.PaymentProviderContract;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.VendorEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The payment contract for a tenant that set nothing: its webhooks are signed with the secret derived from its id, so
 * another tenant (another id) does not believe them.
 */
class SandboxDerivedSecretTest extends PaymentProviderContract {

    @Override
    protected PaymentProvider createProvider() {
        return new SandboxPayments();
    }

    @Override
    protected TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    @Override
    protected TenantContext tenantWithAnotherSigningSecret() {
        return new TestTenantContext("tnt_other", "other", Map.of(), "req_test_other");
    }

    @Override
    protected List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) throws Exception {
        return List.of(SandboxVendor.webhook(event, sentAt, tenant()));
    }
}
