package dev.atelier.web.site.billing;

import dev.atelier.billing.credits.CreditSource;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerPage;
import dev.atelier.billing.payments.CheckoutRecord;
import dev.atelier.billing.payments.PaymentRecord;
import dev.atelier.billing.payments.SubscriptionRecord;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.payment.Offer;
import dev.atelier.web.pages.Prices;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The typed data the billing templates receive. */
public final class BillingViews {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** An offer about to be bought: {@code checkout.ftlh}. */
    public record OfferView(String id, String name, String price, String interval, long credits, boolean recurring,
            boolean testMode) {}

    /** The test-mode provider's checkout page: {@code sandbox-checkout.ftlh}. */
    public record TestCheckoutView(String id, String name, String price, String interval, long credits,
            boolean recurring) {}

    /**
     * The current plan on {@code /account/billing}.
     *
     * @param others the tenant's other plans, which the plan can change to
     */
    public record PlanView(String id, String plan, String status, String renews, boolean cancelAtPeriodEnd,
            List<OfferView> others) {}

    /**
     * The test-mode provider's billing portal: {@code sandbox-portal.ftlh}.
     *
     * @param plan the current plan, or {@code null} when the customer has none
     * @param price the current plan's price ("$19.00"), or {@code null} when it is not offered any more
     * @param flow the step the customer asked for: {@code manage}, {@code cancel} or {@code change}
     * @param focus the plan the customer asked to change to, or {@code null}
     */
    public record TestPortalView(PlanView plan, String price, String interval, String flow, OfferView focus) {}

    /**
     * A printable receipt: {@code receipt.ftlh}.
     *
     * @param period the subscription period paid for ("6 December 2026 – 6 January 2027"), or {@code null}
     */
    public record ReceiptView(String id, String date, String description, String amount, long credits,
            String refunded, String period, String buyer, String seller, String supportEmail) {}

    /** One payment on {@code /account/billing}. */
    public record PaymentView(String id, String date, String description, String amount, long credits,
            String refunded) {}

    /**
     * {@code /account/billing}: balance, credits owed after a refund, plan, payments, and what became of the checkout
     * the buyer just came back from.
     *
     * @param notice {@code paid}, {@code failed}, {@code pending} or {@code null}
     * @param testMode the tenant's provider is simulated: the page offers to move the plan to its next period
     * @param sources where the credits come from, in the order they are spent
     * @param held credits running creations set aside (counted in the sources, not in the balance)
     */
    public record BillingPage(long balance, long owed, PlanView plan, List<PaymentView> payments, String notice,
            String noticeOffer, boolean testMode, List<SourceView> sources, long held, HistoryView history) {}

    /**
     * The credit history on {@code /account/billing}: what came in (grants with their reasons: sign-up bonus, plans,
     * top-ups, an admin's gift), what creations spent, what refunds took back; newest first.
     *
     * @param older the address of the next older page, or {@code null} at the oldest
     */
    public record HistoryView(List<MovementView> movements, String older) {}

    /**
     * One movement: {@code what} it was ("Welcome bonus", "Spent on a creation"), {@code credits} signed ("+25",
     * "−3"), {@code link} to the creation that spent them (or {@code null}), and {@code note} ("expires 6 January
     * 2027", "expired 6 January 2027", or {@code null}).
     */
    public record MovementView(String date, String what, String credits, String link, String note) {}

    /** Some of the balance: a grant's reason, what is left of it, and when that expires ({@code null}: never). */
    public record SourceView(String reason, long remaining, String expires) {}

    private BillingViews() {}

    static OfferView offer(Offer offer, boolean testMode) {
        return new OfferView(offer.id(), offer.name(), Prices.format(offer.amountMinor(), offer.currency()),
                interval(offer), offer.credits(), offer.recurring(), testMode);
    }

    static TestCheckoutView testCheckout(CheckoutRecord checkout) {
        Offer offer = checkout.offer();
        return new TestCheckoutView(checkout.id(), offer.name(), Prices.format(offer.amountMinor(), offer.currency()),
                interval(offer), offer.credits(), offer.recurring());
    }

    /** The subscription with its plan's name and the tenant's other plans it can change to. */
    static PlanView plan(Tenant tenant, SubscriptionRecord subscription, boolean testMode) {
        // resolve: an archived plan still names its subscribers' plan.
        return plan(subscription, TenantOffers.resolve(tenant, subscription.offerId()).map(Offer::name)
                .orElse(subscription.offerId()), TenantOffers.of(tenant).stream()
                .filter(o -> o.recurring() && !o.id().equals(subscription.offerId()))
                .map(o -> offer(o, testMode)).toList());
    }

    static PlanView plan(SubscriptionRecord subscription, String planName, List<OfferView> others) {
        return new PlanView(subscription.id(), planName,
                subscription.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                date(subscription.periodEnd()), subscription.cancelAtPeriodEnd(), others);
    }

    static SourceView source(CreditSource source) {
        return new SourceView(source.reason() == null ? "Credits" : source.reason(), source.remaining(),
                source.expiresAt() == null ? null : date(source.expiresAt()));
    }

    /**
     * The movements a person reads in {@code page}: grants, spends and reversals. Holds and their releases are left
     * out: a hold is shown as credits set aside while its creation runs, and a release gives it back as if it had
     * never been.
     */
    public static HistoryView history(LedgerPage page, Instant now, String olderHref) {
        List<MovementView> movements = page.items().stream().filter(e -> e.kind() == LedgerEntry.Kind.GRANT
                || e.kind() == LedgerEntry.Kind.CAPTURE || e.kind() == LedgerEntry.Kind.REVERSAL)
                .map(e -> movement(e, now)).toList();
        return new HistoryView(movements, page.nextCursor() == null ? null : olderHref + page.nextCursor());
    }

    private static MovementView movement(LedgerEntry e, Instant now) {
        return switch (e.kind()) {
            case GRANT -> new MovementView(date(e.createdAt()), e.reason() == null ? "Credits" : e.reason(),
                    "+" + e.amount(), null, e.expiresAt() == null ? null
                            : (e.expiresAt().isAfter(now) ? "expires " : "expired ") + date(e.expiresAt()));
            case CAPTURE -> new MovementView(date(e.createdAt()), "Spent on a creation", "\u2212" + e.amount(),
                    e.jobId() == null ? null : "/gallery/" + e.jobId(), null);
            default -> new MovementView(date(e.createdAt()), e.reason() == null ? "Taken back" : e.reason(),
                    "\u2212" + e.amount(), null, null);
        };
    }

    static PaymentView payment(PaymentRecord payment) {
        return new PaymentView(payment.id(), date(payment.paidAt()), payment.description(),
                Prices.format(payment.amountMinor(), payment.currency()), payment.credits(),
                payment.refundedMinor() == 0 ? null : Prices.format(payment.refundedMinor(), payment.currency()));
    }

    static ReceiptView receipt(PaymentRecord payment, String buyer, String seller, String supportEmail) {
        String period = payment.periodStart() == null ? null
                : date(payment.periodStart()) + " – " + date(payment.periodEnd());
        PaymentView view = payment(payment);
        return new ReceiptView(payment.id(), view.date(), view.description(), view.amount(), view.credits(),
                view.refunded(), period, buyer, seller, supportEmail);
    }

    static String date(Instant instant) {
        return instant == null ? null : DATE.format(instant);
    }

    private static String interval(Offer offer) {
        return offer.recurring() ? offer.interval().name().toLowerCase(Locale.ROOT) : null;
    }
}
