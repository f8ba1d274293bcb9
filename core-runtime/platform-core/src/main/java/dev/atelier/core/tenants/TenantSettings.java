package dev.atelier.core.tenants;

import java.util.List;
import java.util.Map;

/**
 * What a tenant configures beyond branding. Plugins are named by id; a plugin that is not deployed right now is not an
 * error: the features that need it say so until it is.
 *
 * @param models the generation models the tenant offers, in display order, with their credit prices
 * @param plans subscription plans and credit top-ups shown on the pricing page
 * @param payment the payment plugin and its configuration
 * @param storage the storage plugin and its configuration
 * @param signIn which sign-in methods are offered
 * @param botProtection the bot-protection provider (e.g. Turnstile) and its configuration, or {@code null}
 * @param legal facts the legal documents are rendered with
 * @param admins emails (normalized: trimmed, NFKC, lower case) that tenant.yaml makes admins of the tenant's admin
 *     area, in file order; never null. They count only for accounts whose email is verified, and add to the grants
 *     operators make from the command line
 */
public record TenantSettings(
        List<ModelOffer> models,
        List<Plan> plans,
        PluginChoice payment,
        PluginChoice storage,
        SignIn signIn,
        PluginChoice botProtection,
        LegalFacts legal,
        List<String> admins) {

    public TenantSettings {
        models = List.copyOf(models);
        plans = List.copyOf(plans);
        admins = admins == null ? List.of() : List.copyOf(admins);
    }

    /** A model the tenant offers, at {@code credits} per generation ({@code null}: the model's default cost). */
    public record ModelOffer(String modelId, Integer credits) {}

    /**
     * Something to buy: a subscription ({@code interval} {@code month} or {@code year}) or a one-time credit top-up
     * ({@code interval} {@code null}).
     *
     * @param priceMinor price in minor units of {@code currency} (1299 = 12.99)
     * @param credits credits granted per period or per purchase
     * @param features short bullet points for the pricing page
     * @param highlighted whether the pricing page features this plan
     */
    public record Plan(
            String id, String name, long priceMinor, String currency, String interval, int credits,
            List<String> features, boolean highlighted) {

        public Plan {
            features = List.copyOf(features);
        }

        public boolean isSubscription() {
            return interval != null;
        }
    }

    /**
     * A plugin chosen by id ({@code stripe}, {@code sandbox}, {@code s3}, {@code local}...) and the tenant's settings
     * for it. Secret values are decrypted here; they are stored encrypted and never exported.
     */
    public record PluginChoice(String plugin, Map<String, String> config) {

        public PluginChoice {
            config = Map.copyOf(config);
        }
    }

    /** Sign-in methods: email and password always; Google when a client id is configured. */
    public record SignIn(boolean google, Map<String, String> googleConfig) {

        public SignIn {
            googleConfig = Map.copyOf(googleConfig);
        }
    }

    /**
     * Facts legal documents need.
     *
     * @param companyName the legal entity operating the service
     * @param address its postal address
     * @param contactEmail privacy / legal contact
     * @param jurisdiction governing law, e.g. {@code "England and Wales"}
     */
    public record LegalFacts(String companyName, String address, String contactEmail, String jurisdiction) {}
}
