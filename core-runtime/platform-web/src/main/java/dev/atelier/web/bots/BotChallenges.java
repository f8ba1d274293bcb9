package dev.atelier.web.bots;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.TenantBindings;
import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.RefusalReason;
import dev.atelier.spi.botprotection.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot challenges of tenant sites, through the bot-protection plugin each tenant binds ({@code bot_protection} in
 * tenant.yaml): the widget a page shows for an action, and the check of the token a form sent back. A tenant that
 * binds none gets no widget and every check {@link ChallengeCheck#NOT_REQUIRED}.
 *
 * <p>When nobody can say whether the visitor is a person (the vendor is down or slow, the plugin is not deployed, the
 * tenant's settings are incomplete), sign-up and sign-in are refused for now ("try again in a minute"): an outage must
 * not open the door to the floods the challenge is there for. Checkout goes on, logged: the buyer is signed in, the
 * payment vendor screens the payment itself, and a sale is not lost to someone else's outage.
 */
public final class BotChallenges {

    /** Creating an account. */
    public static final String SIGNUP = "signup";
    /** Signing in with a password, once {@link FailedSignIns} says a challenge is due. */
    public static final String SIGNIN = "signin";
    /** Starting a checkout. */
    public static final String CHECKOUT = "checkout";

    static final String MISSING = "Please complete the check that you're a person, then send the form again.";
    static final String REFUSED = "The check that you're a person didn't go through (it may have expired). Please"
            + " complete it again.";
    static final String UNAVAILABLE = "We couldn't check that you're a person just now. Please try again in a"
            + " minute.";

    private static final Logger LOG = LoggerFactory.getLogger(BotChallenges.class);

    private final Optional<? extends PluginRegistry<BotProtection, ?>> registry;
    private final FailedSignIns failedSignIns;

    /**
     * @param registry the deployed bot-protection plugins; empty where no plugin host runs (then no tenant has one)
     * @param failedSignIns the failed sign-ins after which sign-in asks for a challenge
     */
    public BotChallenges(Optional<? extends PluginRegistry<BotProtection, ?>> registry, FailedSignIns failedSignIns) {
        this.registry = registry;
        this.failedSignIns = failedSignIns;
    }

    /** The failed sign-ins, counted by the sign-in forms. */
    public FailedSignIns failedSignIns() {
        return failedSignIns;
    }

    /** Whether {@code tenant} binds a bot-protection plugin. */
    public boolean protects(Tenant tenant) {
        return bound(tenant).isPresent();
    }

    /**
     * The challenge a page of {@code tenant} shows for {@code action}; empty when the tenant binds no bot protection,
     * or when its plugin cannot describe the widget right now (then the form's check answers unavailable).
     */
    public Optional<Challenge> challenge(Tenant tenant, String action) {
        Optional<BoundPlugin<BotProtection>> plugin = bound(tenant);
        if (plugin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Challenge(plugin.get().call((protection, context) -> protection.widget(context)),
                    action));
        } catch (PluginCallException e) {
            LOG.warn("Tenant {}: bot protection {} cannot describe its widget: {}", tenant.slug(),
                    plugin.get().plugin(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Renders a page of {@code tenant} with the challenge for {@code action} when the tenant has one: {@code page}
     * gets a copy of {@code model} with {@code challenge} added (see {@link Challenge#model()}), and the answer a
     * Content-Security-Policy that lets the widget's origins in.
     */
    public Response render(Tenant tenant, String action, Map<String, Object> model,
            Function<Map<String, Object>, Response> page) {
        Optional<Challenge> challenge = challenge(tenant, action);
        if (challenge.isEmpty()) {
            return page.apply(model);
        }
        Map<String, Object> withChallenge = new HashMap<>(model);
        withChallenge.put("challenge", challenge.get().model());
        return challenge.get().allowIn(page.apply(withChallenge));
    }

    /** Checks the token a posted form of {@code tenant} carries in the widget's field for {@code action}. */
    public ChallengeCheck check(Tenant tenant, HttpServletRequest request, String action, Form form) {
        if (!protects(tenant)) {
            return ChallengeCheck.NOT_REQUIRED;
        }
        String token = challenge(tenant, action).map(c -> form.asMap().getFirst(c.widget().fieldName())).orElse(null);
        return check(tenant, request, action, token);
    }

    /**
     * Checks the token a form or API request of {@code tenant} sent for {@code action}.
     *
     * @param token the value of the widget's field, {@code null} when the form had none
     */
    public ChallengeCheck check(Tenant tenant, HttpServletRequest request, String action, String token) {
        Optional<BoundPlugin<BotProtection>> plugin = bound(tenant);
        if (plugin.isEmpty()) {
            return ChallengeCheck.NOT_REQUIRED;
        }
        ChallengeAnswer answer = new ChallengeAnswer(token, request.getRemoteAddr(), action, request.getServerName());
        Verdict verdict;
        try {
            verdict = plugin.get().call((protection, context) -> protection.verify(answer, context));
        } catch (PluginCallException e) {
            verdict = Verdict.unavailable("the plugin could not be called: " + e.getMessage());
        }
        return judged(tenant, action, verdict);
    }

    private ChallengeCheck judged(Tenant tenant, String action, Verdict verdict) {
        if (verdict instanceof Verdict.Passed) {
            return ChallengeCheck.PASSED;
        }
        if (verdict instanceof Verdict.Refused refused) {
            LOG.info("Tenant {}: {} challenge refused ({}): {}", tenant.slug(), action, refused.reason(),
                    refused.detail());
            return new ChallengeCheck(ChallengeCheck.Outcome.REFUSED,
                    refused.reason() == RefusalReason.MISSING ? MISSING : REFUSED);
        }
        String detail = ((Verdict.Unavailable) verdict).detail();
        if (CHECKOUT.equals(action)) {
            LOG.warn("Tenant {}: checkout goes on unchallenged, bot protection unavailable: {}", tenant.slug(), detail);
            return ChallengeCheck.PASSED;
        }
        LOG.warn("Tenant {}: {} refused for now, bot protection unavailable: {}", tenant.slug(), action, detail);
        return new ChallengeCheck(ChallengeCheck.Outcome.UNAVAILABLE, UNAVAILABLE);
    }

    private Optional<BoundPlugin<BotProtection>> bound(Tenant tenant) {
        return registry.flatMap(r -> r.bind(TenantBindings.of(tenant)));
    }
}
