package dev.atelier.billing.payments;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.payment.Offer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's offers as a payment provider sees them: its plans (billed each interval) and top-up packs (paid once).
 * Archived plans are not for sale but still known, so subscriptions bought before keep renewing.
 */
public final class TenantOffers {

    private TenantOffers() {}

    /** Every offer on sale, in the order the tenant lists them; free and archived entries are not offers. */
    public static List<Offer> of(Tenant tenant) {
        return plans(tenant).stream().filter(plan -> !plan.archived()).map(plan -> offer(tenant, plan)).toList();
    }

    /** The offer on sale with {@code id}, if the tenant has it. */
    public static Optional<Offer> find(Tenant tenant, String id) {
        return of(tenant).stream().filter(offer -> offer.id().equals(id)).findFirst();
    }

    /** The offer with {@code id}, archived or not: what a renewal of a subscription bought before is priced by. */
    public static Optional<Offer> resolve(Tenant tenant, String id) {
        return plan(tenant, id).map(plan -> offer(tenant, plan));
    }

    /** Whether {@code id} names an archived plan or top-up of the tenant. */
    public static boolean archived(Tenant tenant, String id) {
        return plan(tenant, id).map(TenantSettings.Plan::archived).orElse(false);
    }

    /** The tenant's paid plan or top-up {@code id}, archived or not. */
    static Optional<TenantSettings.Plan> plan(Tenant tenant, String id) {
        return plans(tenant).stream().filter(plan -> plan.id().equals(id)).findFirst();
    }

    private static List<TenantSettings.Plan> plans(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        if (settings == null) {
            return List.of();
        }
        return settings.plans().stream().filter(plan -> plan.priceMinor() > 0).toList();
    }

    // The mapped price id goes only to the provider it was mapped for: another provider's id would mean nothing there.
    private static Offer offer(Tenant tenant, TenantSettings.Plan plan) {
        Offer.Interval interval = plan.interval() == null ? Offer.Interval.ONCE
                : Offer.Interval.valueOf(plan.interval().toUpperCase(Locale.ROOT));
        String name = plan.isSubscription() ? plan.name() + " plan" : plan.name();
        TenantSettings.PluginChoice payment = tenant.settings().payment();
        String priceId = payment == null ? null : plan.prices().get(payment.plugin());
        return new Offer(plan.id(), name, interval, plan.priceMinor(), plan.currency().toLowerCase(Locale.ROOT),
                plan.credits(), priceId);
    }
}
