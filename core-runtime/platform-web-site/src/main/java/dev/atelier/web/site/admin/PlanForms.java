package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.web.tenant.PlansStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan form: one plan or top-up pack, created or edited, and archiving. Prices are typed in the tenant's one
 * currency and stored in minor units.
 *
 * <p>Fields: {@code editing} (the id of the plan edited; absent when creating), {@code id} (only when creating: an id
 * cannot change, since subscriptions and payments name it), {@code name}, {@code interval} ({@code month},
 * {@code year} or {@code once} for a top-up), {@code price} ({@code 12.99}), {@code credits}, {@code features} (one a
 * line), {@code highlighted}, {@code rollover} ({@code none}, {@code all} or {@code max}) with {@code rollover_max},
 * {@code valid_days} (top-ups; empty for never), {@code priority} (plans: queue priority of subscribers' generations,
 * 0 to 100; empty for 0), {@code provider_price} (the payment provider's price id).
 */
public final class PlanForms {

    static final String EDITING = "editing";
    static final String ID = "id";
    static final String NAME = "name";
    static final String INTERVAL = "interval";
    static final String PRICE = "price";
    static final String CREDITS = "credits";
    static final String FEATURES = "features";
    static final String HIGHLIGHTED = "highlighted";
    static final String ROLLOVER = "rollover";
    static final String ROLLOVER_MAX = "rollover_max";
    static final String VALID_DAYS = "valid_days";
    static final String PROVIDER_PRICE = "provider_price";
    static final String PRIORITY = "priority";
    /** Where a problem that belongs to no one field is shown. */
    static final String FORM = "form";

    static final int MAX_NAME = 80;
    static final int MAX_FEATURES = 10;
    static final int MAX_FEATURE = 120;
    static final long MAX_CREDITS = 10_000_000;
    static final int MAX_VALID_DAYS = 3650;
    /** Currency of a site that has no plans yet. */
    static final String DEFAULT_CURRENCY = "USD";

    private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern PRICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern PROBLEM_PATH = Pattern.compile("plans\\[\\d+]\\.([a-z_]+).*");
    private static final Map<String, String> FIELD_OF_KEY = Map.of("id", ID, "name", NAME, "interval", INTERVAL,
            "price", PRICE, "credits", CREDITS, "features", FEATURES, "rollover", ROLLOVER_MAX, "valid_days",
            VALID_DAYS, "prices", PROVIDER_PRICE, "priority", PRIORITY);

    /** A checked submission: {@code plan} is set exactly when {@code errors} is empty. */
    record Checked(Map<String, String> errors, Plan plan, String editing) {}

    private final PlansStore store;

    public PlanForms(PlansStore store) {
        this.store = store;
    }

    static String currency(Tenant tenant) {
        return settings(tenant).currency(DEFAULT_CURRENCY);
    }

    /** The id of the payment plugin the tenant binds, whose price ids the form maps; empty when it binds none. */
    static Optional<String> provider(Tenant tenant) {
        return Optional.ofNullable(settings(tenant).payment()).map(TenantSettings.PluginChoice::plugin);
    }

    static List<Plan> plans(Tenant tenant) {
        return settings(tenant).plans();
    }

    static Optional<Plan> find(Tenant tenant, String id) {
        return plans(tenant).stream().filter(plan -> plan.id().equals(id)).findFirst();
    }

    /** The form of a new plan: a monthly plan without rollover. */
    static Map<String, String> blank() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(INTERVAL, "month");
        form.put(ROLLOVER, "none");
        return form;
    }

    /** The form showing {@code plan} as it is. */
    static Map<String, String> values(Tenant tenant, Plan plan) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(EDITING, plan.id());
        form.put(ID, plan.id());
        form.put(NAME, plan.name());
        form.put(INTERVAL, plan.interval() == null ? "once" : plan.interval());
        form.put(PRICE, MoneyInput.typed(plan.priceMinor(), plan.currency()));
        form.put(CREDITS, String.valueOf(plan.credits()));
        form.put(FEATURES, String.join("\n", plan.features()));
        form.put(HIGHLIGHTED, plan.highlighted() ? "1" : "");
        form.put(ROLLOVER, plan.rolloverMax() == Plan.ROLLOVER_ALL ? "all" : plan.rolloverMax() > 0 ? "max" : "none");
        form.put(ROLLOVER_MAX, plan.rolloverMax() > 0 && plan.rolloverMax() != Plan.ROLLOVER_ALL
                ? String.valueOf(plan.rolloverMax()) : "");
        form.put(VALID_DAYS, plan.validDays() == null ? "" : String.valueOf(plan.validDays()));
        form.put(PROVIDER_PRICE, provider(tenant).map(p -> plan.prices().getOrDefault(p, "")).orElse(""));
        form.put(PRIORITY, plan.priority() == Plan.NO_PRIORITY ? "" : String.valueOf(plan.priority()));
        return form;
    }

    /** The submitted values as they were typed, for showing a refused form again. */
    static Map<String, String> submitted(MultivaluedMap<String, String> posted) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of(EDITING, ID, NAME, INTERVAL, PRICE, CREDITS, FEATURES, HIGHLIGHTED, ROLLOVER,
                ROLLOVER_MAX, VALID_DAYS, PROVIDER_PRICE, PRIORITY)) {
            form.put(field, text(posted, field));
        }
        return form;
    }

    /** Checks a submission against the tenant as it is now. */
    Checked check(Tenant tenant, MultivaluedMap<String, String> posted) {
        Map<String, String> errors = new LinkedHashMap<>();
        String editing = text(posted, EDITING);
        Optional<Plan> before = editing.isEmpty() ? Optional.empty() : find(tenant, editing);
        if (!editing.isEmpty() && before.isEmpty()) {
            errors.put(FORM, "That plan is not in your configuration any more. Reload the page.");
        }
        String id = editing.isEmpty() ? text(posted, ID) : editing;
        if (editing.isEmpty()) {
            if (!PLAN_ID.matcher(id).matches()) {
                errors.put(ID, "Use 1 to 40 lower-case letters, digits, dashes or underscores, starting with a"
                        + " letter or digit, such as creator or pack-500.");
            } else if (find(tenant, id).isPresent()) {
                errors.put(ID, "Another plan or top-up has this id.");
            }
        }
        String name = text(posted, NAME);
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put(NAME, "Give a name of 1 to " + MAX_NAME + " characters.");
        }
        String interval = text(posted, INTERVAL);
        if (!List.of("month", "year", "once").contains(interval)) {
            errors.put(INTERVAL, "Choose monthly, yearly or a one-time top-up.");
        }
        boolean topUp = "once".equals(interval);
        String currency = currency(tenant);
        OptionalLong price = MoneyInput.minorUnits(text(posted, PRICE), currency);
        if (price.isEmpty()) {
            errors.put(PRICE, "Type a price above zero in " + currency + ", such as "
                    + MoneyInput.typed(1299, currency) + ".");
        }
        long credits = number(text(posted, CREDITS), 0, MAX_CREDITS, CREDITS, "Credits", errors);
        List<String> features = features(text(posted, FEATURES), errors);
        long rollover = topUp ? Plan.NO_ROLLOVER : rollover(posted, errors);
        Integer validDays = null;
        if (topUp && !text(posted, VALID_DAYS).isEmpty()) {
            validDays = (int) number(text(posted, VALID_DAYS), 1, MAX_VALID_DAYS, VALID_DAYS, "Days", errors);
        }
        int priority = Plan.NO_PRIORITY;
        if (!topUp && !text(posted, PRIORITY).isEmpty()) {
            priority = (int) number(text(posted, PRIORITY), Plan.NO_PRIORITY, Plan.MAX_PRIORITY, PRIORITY,
                    "Priority", errors);
        }
        Map<String, String> prices = prices(tenant, before, text(posted, PROVIDER_PRICE), errors);
        if (!errors.isEmpty()) {
            return new Checked(errors, null, editing);
        }
        Plan plan = new Plan(id, name, price.getAsLong(), currency, topUp ? null : interval, (int) credits, features,
                !text(posted, HIGHLIGHTED).isEmpty(), before.map(Plan::archived).orElse(false), rollover, validDays,
                prices, priority);
        return new Checked(errors, plan, editing);
    }

    /** Saves a checked plan: replaces the one edited (in its place) or adds a new one last. */
    Map<String, String> save(Tenant tenant, Checked checked) {
        Plan plan = checked.plan();
        return store(tenant, plans -> {
            List<Plan> changed = new ArrayList<>(plans);
            int at = indexOf(changed, plan.id());
            if (checked.editing().isEmpty()) {
                changed.add(plan);
            } else if (at < 0) {
                throw gone();
            } else {
                changed.set(at, plan);
            }
            return changed;
        });
    }

    /** Archives (or brings back) the plan {@code id}; errors keyed {@link #FORM} when it is not there. */
    Map<String, String> archive(Tenant tenant, String id, boolean archived) {
        return store(tenant, plans -> {
            List<Plan> changed = new ArrayList<>(plans);
            int at = indexOf(changed, id);
            if (at < 0) {
                throw gone();
            }
            Plan p = changed.get(at);
            changed.set(at, new Plan(p.id(), p.name(), p.priceMinor(), p.currency(), p.interval(), p.credits(),
                    p.features(), p.highlighted(), archived, p.rolloverMax(), p.validDays(), p.prices(),
                    p.priority()));
            return changed;
        });
    }

    private Map<String, String> store(Tenant tenant, UnaryOperator<List<Plan>> edit) {
        try {
            store.save(tenant.id(), edit);
            return Map.of();
        } catch (InvalidTenantConfigException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (ConfigProblem problem : e.problems()) {
                Matcher m = PROBLEM_PATH.matcher(problem.path());
                String field = m.matches() ? FIELD_OF_KEY.getOrDefault(m.group(1), FORM) : FORM;
                errors.putIfAbsent(field, problem.message().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + problem.message().substring(1) + ".");
            }
            return errors;
        }
    }

    private static InvalidTenantConfigException gone() {
        return new InvalidTenantConfigException(List.of(new ConfigProblem(null, "plans",
                "that plan is not in your configuration any more; reload the page")));
    }

    private static int indexOf(List<Plan> plans, String id) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static long rollover(MultivaluedMap<String, String> posted, Map<String, String> errors) {
        return switch (text(posted, ROLLOVER)) {
            case "none" -> Plan.NO_ROLLOVER;
            case "all" -> Plan.ROLLOVER_ALL;
            case "max" -> number(text(posted, ROLLOVER_MAX), 1, MAX_CREDITS, ROLLOVER_MAX, "The most credits carried",
                    errors);
            default -> {
                errors.put(ROLLOVER, "Choose what happens to unused credits.");
                yield Plan.NO_ROLLOVER;
            }
        };
    }

    private static List<String> features(String typed, Map<String, String> errors) {
        List<String> features = typed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (features.size() > MAX_FEATURES || features.stream().anyMatch(f -> f.length() > MAX_FEATURE)) {
            errors.put(FEATURES, "At most " + MAX_FEATURES + " lines of at most " + MAX_FEATURE + " characters.");
        }
        return features;
    }

    // Other providers' price ids stay: switching the provider back finds them again.
    private static Map<String, String> prices(Tenant tenant, Optional<Plan> before, String typed,
            Map<String, String> errors) {
        Map<String, String> prices = new LinkedHashMap<>(before.map(Plan::prices).orElse(Map.of()));
        Optional<String> provider = provider(tenant);
        if (provider.isEmpty()) {
            return prices;
        }
        if (typed.isEmpty()) {
            prices.remove(provider.get());
        } else if (PRICE_ID.matcher(typed).matches()) {
            prices.put(provider.get(), typed);
        } else {
            errors.put(PROVIDER_PRICE, "A price id is letters, digits, dashes and underscores, such as price_123.");
        }
        return prices;
    }

    private static long number(String typed, long min, long max, String field, String what,
            Map<String, String> errors) {
        try {
            long value = Long.parseLong(typed);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.put(field, what + " must be a whole number from " + min + " to " + max + ".");
        return min;
    }

    private static String text(MultivaluedMap<String, String> posted, String field) {
        String value = posted.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static TenantSettings settings(Tenant tenant) {
        return tenant.settings() == null
                ? new TenantSettings(List.of(), List.of(), Map.of(), null, null, List.of(), null) : tenant.settings();
    }
}
