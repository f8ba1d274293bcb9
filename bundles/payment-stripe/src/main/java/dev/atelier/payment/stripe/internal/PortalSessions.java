package dev.atelier.payment.stripe.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.billingportal.SessionCreateParams;
import com.stripe.param.billingportal.SessionCreateParams.FlowData;
import dev.atelier.spi.payment.PaymentException;
import dev.atelier.spi.payment.PortalRequest;
import dev.atelier.spi.payment.PortalSession;
import java.net.URI;

/**
 * Opens Billing Portal sessions. A cancel or a change of plan opens straight on that step with {@code flow_data}
 * ({@code subscription_cancel}; {@code subscription_update_confirm} with the new plan's price, which Stripe prorates
 * as the portal's configuration says), and sends the customer back to the site when done.
 */
final class PortalSessions {

    private PortalSessions() {}

    static PortalSession open(StripeClient stripe, PortalRequest request) throws PaymentException {
        try {
            SessionCreateParams.Builder params = SessionCreateParams.builder()
                    .setCustomer(request.providerCustomerId())
                    .setReturnUrl(request.returnUrl().toString());
            FlowData flow = flow(stripe, request);
            if (flow != null) {
                params.setFlowData(flow);
            }
            return new PortalSession(URI.create(stripe.v1().billingPortal().sessions().create(params.build())
                    .getUrl()));
        } catch (StripeException e) {
            throw StripeFailures.of("opening the Billing Portal for customer " + request.providerCustomerId(), e);
        }
    }

    /** The portal flow the request's intent asks for; {@code null} for the portal's start page. */
    private static FlowData flow(StripeClient stripe, PortalRequest request) throws StripeException,
            PaymentException {
        FlowData.AfterCompletion back = FlowData.AfterCompletion.builder()
                .setType(FlowData.AfterCompletion.Type.REDIRECT)
                .setRedirect(FlowData.AfterCompletion.Redirect.builder()
                        .setReturnUrl(request.returnUrl().toString()).build())
                .build();
        if (request.intent() instanceof PortalRequest.Cancel cancel) {
            return FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_CANCEL).setAfterCompletion(back)
                    .setSubscriptionCancel(FlowData.SubscriptionCancel.builder()
                            .setSubscription(cancel.providerSubscriptionId()).build())
                    .build();
        }
        if (request.intent() instanceof PortalRequest.ChangePlan change) {
            // The confirmation names the item whose price changes: a plan's subscription has one.
            Subscription subscription = stripe.v1().subscriptions().retrieve(change.providerSubscriptionId());
            SubscriptionItem item = subscription.getItems().getData().get(0);
            return FlowData.builder().setType(FlowData.Type.SUBSCRIPTION_UPDATE_CONFIRM).setAfterCompletion(back)
                    .setSubscriptionUpdateConfirm(FlowData.SubscriptionUpdateConfirm.builder()
                            .setSubscription(change.providerSubscriptionId())
                            .addItem(FlowData.SubscriptionUpdateConfirm.Item.builder()
                                    .setId(item.getId())
                                    .setPrice(PlanPrices.of(stripe, change.offer()))
                                    .setQuantity(1L)
                                    .build())
                            .build())
                    .build();
        }
        return null;
    }
}
