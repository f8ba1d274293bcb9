package dev.atelier.web.site.billing;

import dev.atelier.billing.payments.Payments;
import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.Links;
import dev.atelier.web.pages.PageRenderer;
import jakarta.inject.Inject;

/**
 * What the billing pages share: the payments, the page renderer, the account flows (anti-forgery checks, themed error
 * answers) and the links that leave the request (a provider's return addresses).
 */
public record BillingPages(Payments payments, PageRenderer pages, AccountFlows flows, Links links) {

    @Inject
    public BillingPages {
    }
}
