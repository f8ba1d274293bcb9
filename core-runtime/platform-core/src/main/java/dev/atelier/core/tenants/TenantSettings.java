package dev.atelier.core.tenants;

import dev.atelier.core.ratelimit.RateLimits;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant configures beyond branding. Plugins are named by id; a plugin that is not deployed right now is not an
 * error: the features that need it say so until it is.
 *
 * @param models the generation models the tenant offers, in display order, with their credit prices
 * @param plans subscription plans and credit top-ups shown on the pricing page
 * @param plugins the plugin the tenant bound per plugin kind, by the kind's key in tenant.yaml ({@code payment},
 *     {@code storage}, {@code bot_protection}...): its id and configuration. Kinds the tenant binds nothing for are
 *     absent; never null
 * @param signIn which sign-in methods are offered
 * @param legal facts the legal documents are rendered with
 * @param admins emails (normalized: trimmed, NFKC, lower case) that tenant.yaml makes admins of the tenant's admin
 *     area, in file order; never null. They count only for accounts whose email is verified, and add to the grants
 *     operators make from the command line
 * @param credits the sign-up bonus and the limits on generations running at once; {@code null} is read as
 *     {@link Credits#DEFAULTS}, so a tenant.yaml without a {@code credits} section gets them
 * @param rateLimits the tenant's own rate limits by bucket kind ({@code rate_limits} in tenant.yaml), over the
 *     platform's; never null, usually empty
 * @param messages the tenant's own wording of its pages and emails ({@code messages} in tenant.yaml): text by
 *     message key, over its theme's and the default theme's; never null, usually empty
 */
public record TenantSettings(
        List<ModelOffer> models,
        List<Plan> plans,
        Map<String, PluginChoice> plugins,
        SignIn signIn,
        LegalFacts legal,
        List<String> admins,
        Credits credits,
        Map<String, RateLimits.Limit> rateLimits,
        Map<String, String> messages) {

    /** Key of the payment plugin's binding. */
    public static final String PAYMENT = "payment";
    /** Key of the storage plugin's binding. */
    public static final String STORAGE = "storage";
    /** Key of the bot-protection provider's binding. */
    public static final String BOT_PROTECTION = "bot_protection";

    public TenantSettings {
        models = List.copyOf(models);
        plans = List.copyOf(plans);
        plugins = plugins == null ? Map.of() : Map.copyOf(plugins);
        admins = admins == null ? List.of() : List.copyOf(admins);
        credits = credits == null ? Credits.DEFAULTS : credits;
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
    }

    /** Settings with the themes' wording. */
    public TenantSettings(List<ModelOffer> models, List<Plan> plans, Map<String, PluginChoice> plugins, SignIn signIn,
            LegalFacts legal, List<String> admins, Credits credits, Map<String, RateLimits.Limit> rateLimits) {
        this(models, plans, plugins, signIn, legal, admins, credits, rateLimits, Map.of());
    }

    /** Settings with the platform's rate limits. */
    public TenantSettings(List<ModelOffer> models, List<Plan> plans, Map<String, PluginChoice> plugins, SignIn signIn,
            LegalFacts legal, List<String> admins, Credits credits) {
        this(models, plans, plugins, signIn, legal, admins, credits, Map.of(), Map.of());
    }

    /** Settings with the payment, storage and bot-protection bindings given one by one ({@code null}: none). */
    public TenantSettings(List<ModelOffer> models, List<Plan> plans, PluginChoice payment, PluginChoice storage,
            SignIn signIn, PluginChoice botProtection, LegalFacts legal, List<String> admins, Credits credits) {
        this(models, plans, bindings(payment, storage, botProtection), signIn, legal, admins, credits);
    }

    private static Map<String, PluginChoice> bindings(PluginChoice payment, PluginChoice storage,
            PluginChoice botProtection) {
        Map<String, PluginChoice> plugins = new HashMap<>();
        if (payment != null) {
            plugins.put(PAYMENT, payment);
        }
        if (storage != null) {
            plugins.put(STORAGE, storage);
        }
        if (botProtection != null) {
            plugins.put(BOT_PROTECTION, botProtection);
        }
        return plugins;
    }

    /**
     * The one currency the tenant sells in: its plans' currency (tenant.yaml may not mix currencies), or
     * {@code fallback} while it has no plans.
     */
    public String currency(String fallback) {
        return plans.isEmpty() ? fallback : plans.get(0).currency();
    }

    /** The payment plugin and its configuration, or {@code null}. */
    public PluginChoice payment() {
        return plugins.get(PAYMENT);
    }

    /** The storage plugin and its configuration, or {@code null}. */
    public PluginChoice storage() {
        return plugins.get(STORAGE);
    }

    /** The bot-protection provider (e.g. Turnstile) and its configuration, or {@code null}. */
    public PluginChoice botProtection() {
        return plugins.get(BOT_PROTECTION);
    }

    /**
     * Credits a new account starts with and how many generations may wait or run at once. The limits keep one user,
     * or one tenant, from filling the shared worker queue.
     *
     * @param signupBonus credits granted once when an account is created; 0 grants nothing
     * @param signupBonusExpiresDays days after sign-up the bonus expires, or {@code null} for never
     * @param maxConcurrentJobsPerUser generations one account may have queued or running at once
     * @param maxConcurrentJobsPerTenant generations all accounts of the tenant together may have queued or running
     * @param lowBalanceThreshold a generation's spend that takes a balance below this many credits emails its owner
     *     once (again only after credits lift the balance back to it); 0 sends no such email
     */
    public record Credits(long signupBonus, Integer signupBonusExpiresDays, int maxConcurrentJobsPerUser,
            int maxConcurrentJobsPerTenant, long lowBalanceThreshold) {

        /**
         * What applies when tenant.yaml has no {@code credits} section: no bonus, 2 per user, 20 per tenant, no
         * low-balance email.
         */
        public static final Credits DEFAULTS = new Credits(0, null, 2, 20, 0);

        public Credits {
            if (signupBonus < 0 || (signupBonusExpiresDays != null && signupBonusExpiresDays < 0)
                    || maxConcurrentJobsPerUser < 0 || maxConcurrentJobsPerTenant < 0 || lowBalanceThreshold < 0) {
                throw new IllegalArgumentException("credit settings must not be negative");
            }
        }

        /** Settings without a low-balance email. */
        public Credits(long signupBonus, Integer signupBonusExpiresDays, int maxConcurrentJobsPerUser,
                int maxConcurrentJobsPerTenant) {
            this(signupBonus, signupBonusExpiresDays, maxConcurrentJobsPerUser, maxConcurrentJobsPerTenant, 0);
        }
    }

    /**
     * A model the tenant offers, at {@code credits} per generation ({@code null}: the model's default cost).
     *
     * @param config the tenant's settings for that model's plugin (API keys, base URLs, vendor model names), handed
     *     to the model in every call as {@code TenantContext.pluginConfig()}; secrets already decrypted
     * @param steps cheaper (or dearer) prices by image size or video length, in ascending order of their limits; a
     *     request pays the first step it fits, and {@code credits} when it fits none. Never null; usually empty
     */
    public record ModelOffer(String modelId, Integer credits, Map<String, String> config, List<PriceStep> steps) {

        public ModelOffer {
            config = config == null ? Map.of() : Map.copyOf(config);
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        public ModelOffer(String modelId, Integer credits, Map<String, String> config) {
            this(modelId, credits, config, List.of());
        }

        public ModelOffer(String modelId, Integer credits) {
            this(modelId, credits, Map.of(), List.of());
        }
    }

    /**
     * Something to buy: a subscription ({@code interval} {@code month} or {@code year}) or a one-time credit top-up
     * ({@code interval} {@code null}). All plans of a tenant share one currency (tenant.yaml is refused otherwise).
     *
     * @param priceMinor price in minor units of {@code currency} (1299 = 12.99)
     * @param credits credits granted per period or per purchase
     * @param features short bullet points for the pricing page
     * @param highlighted whether the pricing page features this plan
     * @param archived whether it is withdrawn: not on the pricing page and not for sale, while subscriptions bought
     *     before keep renewing with its credits
     * @param rolloverMax a plan's unused credits carried into the next paid period, at most this many:
     *     {@link #NO_ROLLOVER} (0, the default) carries nothing, {@link #ROLLOVER_ALL} carries everything left
     * @param validDays days a top-up's credits last from the payment, or {@code null} for never (plans ignore it: their
     *     credits last one period)
     * @param prices the payment provider's existing price ids by provider plugin id ({@code stripe: price_123}); never
     *     null, usually empty
     * @param priority place in the generation queue of its subscribers' jobs, {@value #NO_PRIORITY} to
     *     {@value #MAX_PRIORITY}: among the tenant's queued jobs, those of a higher-priority plan are started first
     *     (other tenants' jobs keep their fair share). Only subscriptions give priority; top-ups have {@code 0}
     */
    public record Plan(
            String id, String name, long priceMinor, String currency, String interval, int credits,
            List<String> features, boolean highlighted, boolean archived, long rolloverMax, Integer validDays,
            Map<String, String> prices, int priority) {

        /** {@link #priority} of a plan that gives none: its subscribers' jobs wait in order of age. */
        public static final int NO_PRIORITY = 0;
        /** Highest {@link #priority}. */
        public static final int MAX_PRIORITY = 100;

        /** {@link #rolloverMax} of a plan whose unused credits end with their period. */
        public static final long NO_ROLLOVER = 0;
        /** {@link #rolloverMax} of a plan whose unused credits all carry over. */
        public static final long ROLLOVER_ALL = Long.MAX_VALUE;

        public Plan {
            features = List.copyOf(features);
            prices = prices == null ? Map.of() : Map.copyOf(prices);
            if (rolloverMax < 0) {
                throw new IllegalArgumentException("rolloverMax must not be negative, was " + rolloverMax);
            }
            if (priority < NO_PRIORITY || priority > MAX_PRIORITY) {
                throw new IllegalArgumentException("priority must be " + NO_PRIORITY + " to " + MAX_PRIORITY
                        + ", was " + priority);
            }
        }

        /** A plan without queue priority. */
        public Plan(String id, String name, long priceMinor, String currency, String interval, int credits,
                List<String> features, boolean highlighted, boolean archived, long rolloverMax, Integer validDays,
                Map<String, String> prices) {
            this(id, name, priceMinor, currency, interval, credits, features, highlighted, archived, rolloverMax,
                    validDays, prices, NO_PRIORITY);
        }

        /** A plan on sale, without rollover, expiry or provider prices. */
        public Plan(String id, String name, long priceMinor, String currency, String interval, int credits,
                List<String> features, boolean highlighted) {
            this(id, name, priceMinor, currency, interval, credits, features, highlighted, false, NO_ROLLOVER, null,
                    Map.of());
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
     * Facts legal documents need. Every one may be {@code null} (not set); the documents fall back on the tenant's
     * name and support email.
     *
     * @param companyName the legal entity operating the service
     * @param address its postal address
     * @param contactEmail privacy / legal contact
     * @param jurisdiction governing law, e.g. {@code "England and Wales"}
     * @param product what the service is, completing "NAME is ...", e.g. {@code "an AI image and video creation
     *     service"}
     * @param effectiveDate the date the documents take effect ("Last Updated")
     * @param sections the optional sections of the documents the admin turned on, by name; never {@code null}
     */
    public record LegalFacts(String companyName, String address, String contactEmail, String jurisdiction,
            String product, LocalDate effectiveDate, List<String> sections) {

        public LegalFacts {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }
    }
}
