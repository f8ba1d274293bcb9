package dev.atelier.billing.payments;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.spi.payment.Offer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A tenant's offers as a payment provider sees them: its plans (billed each interval) and top-up packs (paid once). */
public final class TenantOffers {

    private TenantOffers() {}

    /** Every offer of the tenant, in the order the tenant lists them; free entries (price 0) are not offers. */
    public static List<Offer> of(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        if (settings == null) {
            return List.of();
        }
        return settings.plans().stream().filter(plan -> plan.priceMinor() > 0).map(TenantOffers::offer).toList();
    }

    /** The offer with {@code id}, if the tenant has it. */
    public static Optional<Offer> find(Tenant tenant, String id) {
        return of(tenant).stream().filter(offer -> offer.id().equals(id)).findFirst();
    }

    private static Offer offer(TenantSettings.Plan plan) {
        Offer.Interval interval = plan.interval() == null ? Offer.Interval.ONCE
                : Offer.Interval.valueOf(plan.interval().toUpperCase(Locale.ROOT));
        String name = plan.isSubscription() ? plan.name() + " plan" : plan.name();
        return new Offer(plan.id(), name, interval, plan.priceMinor(), plan.currency().toLowerCase(Locale.ROOT),
                plan.credits(), null);
    }
}
