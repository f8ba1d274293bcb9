package dev.atelier.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.core.mail.MailOutbox;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Billing notices as outbox rows: named by what they are about, within the outbox's limits. */
class BillingMailTest {

    private static final Tenant TENANT = new Tenant("tnt_plain", "plain", "Plain Co", TenantStatus.ACTIVE,
            "support@plain.test", List.of("plain.localhost"), null, null, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aNoticeIsKeyedByTheTenantAndWhatItIsAbout() {
        assertThat(BillingMail.outboxKey(TENANT, new BillingNotice.LowBalance("acc", "cre_1", 18, 20)))
                .isEqualTo("tnt_plain:billing:low-balance:cre_1");
    }

    @Test
    void aProvidersLongEventIdStillFitsTheOutboxKeyAndStaysDistinct() {
        String longId = "evt_" + "x".repeat(300);
        String first = BillingMail.outboxKey(TENANT, new BillingNotice.PaymentFailed("acc", "stripe:" + longId, null,
                true));
        String second = BillingMail.outboxKey(TENANT, new BillingNotice.PaymentFailed("acc", "stripe:" + longId + "y",
                null, true));

        assertThat(first).hasSizeLessThanOrEqualTo(MailOutbox.MAX_KEY_LENGTH).startsWith("tnt_plain:billing:")
                .isNotEqualTo(second);
    }

    @Test
    void eachNoticeOpensThePageItIsAbout() {
        BillingNotice paid = new BillingNotice.Paid("acc", "pay_1", "200 credits", new BillingNotice.Money(700, "usd"),
                200, false, null);
        assertThat(BillingMail.render(paid).path()).isEqualTo("/account/billing/receipts/pay_1");
        assertThat(BillingMail.render(new BillingNotice.PaymentFailed("acc", "k", null, false)).path())
                .isEqualTo("/account/billing");
        assertThat(BillingMail.render(new BillingNotice.LowBalance("acc", "cre_1", 18, 20)).model())
                .containsEntry("balance", 18L).containsEntry("threshold", 20L);
    }
}
