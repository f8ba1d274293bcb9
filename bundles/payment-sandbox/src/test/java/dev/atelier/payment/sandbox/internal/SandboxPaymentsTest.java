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

/** The payment contract, for a tenant that set its own signing secret. */
class SandboxPaymentsTest extends PaymentProviderContract {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    @Override
    protected PaymentProvider createProvider() {
        return new SandboxPayments();
    }

    @Override
    protected TenantContext tenant() {
        return TestTenantContext.withConfig(Map.of("signing_secret", SECRET));
    }

    @Override
    protected TenantContext tenantWithAnotherSigningSecret() {
        return TestTenantContext.withConfig(Map.of("signing_secret", OTHER_SECRET));
    }

    @Override
    protected List<WebhookMessage> webhooks(VendorEvent event, Instant sentAt) throws Exception {
        return List.of(SandboxVendor.webhook(event, sentAt, tenant()));
    }
}
