package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantAdmin;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.generation.Pricing;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.web.tenant.ModelOffersStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models form: one row per deployed model (offered or not) and per offered model whose bundle is not deployed,
 * the concurrent-job limits, and the check of a submission.
 *
 * <p>Fields: {@code enabled} (repeated, the ids of the models to offer), {@code price.<model id>} (credits per
 * generation; empty means the model's default), {@code steps.<model id>.<n>.up_to} and
 * {@code steps.<model id>.<n>.credits} (price steps by size or length, {@code n} from 0; a row left empty is dropped),
 * {@code max_jobs_per_user}, {@code max_jobs_per_tenant}. Offered models whose bundle is not deployed are not in the
 * form and stay offered at their prices.
 */
public final class ModelForms {

    static final String PRICE = "price.";
    static final String PER_USER = "max_jobs_per_user";
    static final String PER_TENANT = "max_jobs_per_tenant";
    static final String STEPS = "steps.";
    /** Empty step rows the page adds after a model's steps, so a step can be added without scripts. */
    static final int BLANK_STEPS = 2;
    /** Most steps one model may have; rows beyond are not read. */
    static final int MAX_STEPS = 20;

    /** A checked submission: {@code offers} and {@code limits} are set exactly when {@code errors} is empty. */
    record Checked(Map<String, String> errors, List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits) {}

    /** A row of the page. {@code model} is empty when the offer's bundle is not deployed. */
    record Row(String id, Optional<ModelInfo> model, TenantSettings.ModelOffer offer) {}

    private final ModelRegistry registry;
    private final ModelOffersStore store;

    public ModelForms(ModelRegistry registry, ModelOffersStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** Offered models first, in the tenant's order, then the other deployed models by name. */
    List<Row> rows(Tenant tenant) {
        List<Row> rows = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (TenantSettings.ModelOffer offer : settings(tenant).models()) {
            if (listed.add(offer.modelId())) {
                rows.add(new Row(offer.modelId(), registry.find(offer.modelId()), offer));
            }
        }
        registry.list().stream()
                .filter(m -> !listed.contains(m.modelId()))
                .sorted(Comparator.comparing((ModelInfo m) -> m.descriptor().name()).thenComparing(ModelInfo::modelId))
                .forEach(m -> rows.add(new Row(m.modelId(), Optional.of(m), null)));
        return rows;
    }

    /** What the form shows for the tenant as it is now. */
    Map<String, Object> currentValues(Tenant tenant) {
        Map<String, Object> form = new LinkedHashMap<>();
        List<String> enabled = new ArrayList<>();
        for (Row row : rows(tenant)) {
            if (row.offer() != null) {
                enabled.add(row.id());
            }
            if (row.model().isPresent()) {
                form.put(PRICE + row.id(), String.valueOf(price(row)));
                List<Map<String, String>> steps = new ArrayList<>();
                if (row.offer() != null) {
                    row.offer().steps().forEach(step -> steps.add(stepRow(step.upTo(),
                            String.valueOf(step.credits()))));
                }
                for (int i = 0; i < BLANK_STEPS; i++) {
                    steps.add(stepRow("", ""));
                }
                form.put(STEPS + row.id(), steps);
            }
        }
        form.put("enabled", enabled);
        TenantSettings.Credits limits = settings(tenant).credits();
        form.put(PER_USER, String.valueOf(limits.maxConcurrentJobsPerUser()));
        form.put(PER_TENANT, String.valueOf(limits.maxConcurrentJobsPerTenant()));
        return form;
    }

    /** The submitted values in the shape of {@link #currentValues}, for showing a refused form again. */
    Map<String, Object> submittedValues(Tenant tenant, MultivaluedMap<String, String> posted) {
        Map<String, Object> form = new LinkedHashMap<>();
        List<String> enabled = new ArrayList<>(posted.getOrDefault("enabled", List.of()));
        for (Row row : rows(tenant)) {
            if (row.model().isEmpty() && row.offer() != null) {
                enabled.add(row.id());
            } else if (row.model().isPresent()) {
                form.put(PRICE + row.id(), text(posted, PRICE + row.id()));
                List<Map<String, String>> steps = new ArrayList<>();
                for (int i = 0; i < stepRows(posted, row.id()); i++) {
                    steps.add(stepRow(text(posted, stepField(row.id(), i, "up_to")),
                            text(posted, stepField(row.id(), i, "credits"))));
                }
                form.put(STEPS + row.id(), steps);
            }
        }
        form.put("enabled", enabled);
        form.put(PER_USER, text(posted, PER_USER));
        form.put(PER_TENANT, text(posted, PER_TENANT));
        return form;
    }

    Checked check(Tenant tenant, MultivaluedMap<String, String> posted) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> enabled = new LinkedHashSet<>(posted.getOrDefault("enabled", List.of()));
        List<TenantSettings.ModelOffer> offers = new ArrayList<>();
        for (Row row : rows(tenant)) {
            if (row.model().isEmpty()) {
                offers.add(row.offer()); // kept as it is until its bundle is deployed again
                continue;
            }
            if (!enabled.contains(row.id())) {
                continue;
            }
            String field = PRICE + row.id();
            String value = text(posted, field);
            Integer credits = null;
            if (!value.isEmpty()) {
                Optional<Integer> parsed = number(value, 0, TenantAdmin.MAX_MODEL_CREDITS);
                if (parsed.isEmpty()) {
                    errors.put(field, "Enter a whole number of credits from 0 to " + TenantAdmin.MAX_MODEL_CREDITS
                            + ".");
                }
                credits = parsed.orElse(null);
                // An untouched default stays "the model's default", so it follows the model if that changes.
                boolean wasDefault = row.offer() == null || row.offer().credits() == null;
                if (wasDefault && credits != null && credits == row.model().get().descriptor().defaultCreditCost()) {
                    credits = null;
                }
            }
            offers.add(new TenantSettings.ModelOffer(row.id(), credits, Map.of(),
                    steps(posted, row.id(), row.model().get().descriptor(), errors)));
        }
        Optional<Integer> perUser = number(text(posted, PER_USER), 1, TenantAdmin.MAX_CONCURRENT_JOBS);
        Optional<Integer> perTenant = number(text(posted, PER_TENANT), 1, TenantAdmin.MAX_CONCURRENT_JOBS);
        if (perUser.isEmpty()) {
            errors.put(PER_USER, "Enter a whole number from 1 to " + TenantAdmin.MAX_CONCURRENT_JOBS + ".");
        }
        if (perTenant.isEmpty()) {
            errors.put(PER_TENANT, "Enter a whole number from 1 to " + TenantAdmin.MAX_CONCURRENT_JOBS + ".");
        }
        if (!errors.isEmpty()) {
            return new Checked(errors, null, null);
        }
        TenantSettings.Credits current = settings(tenant).credits();
        return new Checked(Map.of(), offers, new TenantSettings.Credits(current.signupBonus(),
                current.signupBonusExpiresDays(), perUser.get(), perTenant.get(), current.lowBalanceThreshold()));
    }

    /**
     * The filled-in step rows of one model as steps, adding an error per bad field: a limit the model cannot be
     * measured in, limits not ascending, credits out of range.
     */
    private static List<PriceStep> steps(MultivaluedMap<String, String> posted, String id, ModelDescriptor model,
            Map<String, String> errors) {
        List<PriceStep> steps = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < stepRows(posted, id); i++) {
            String upToField = stepField(id, i, "up_to");
            String creditsField = stepField(id, i, "credits");
            String upTo = text(posted, upToField);
            String credits = text(posted, creditsField);
            if (upTo.isEmpty() && credits.isEmpty()) {
                continue;
            }
            Optional<String> limit = PriceStep.normalize(upTo);
            Optional<Integer> price = number(credits, 0, TenantAdmin.MAX_MODEL_CREDITS);
            if (limit.isEmpty()) {
                errors.put(upToField, upTo.isEmpty() ? "Enter the size or length this price is for."
                        : "Enter a size such as 1024x1024 or a length in whole seconds such as 4s.");
            } else if (!Pricing.measurable(unitOf(limit.get()), model)) {
                errors.put(upToField, unitOf(limit.get()) == PriceStep.Unit.SIZE
                        ? model.name() + " has no size setting, so its price cannot depend on size."
                        : model.name() + " has no length setting, so its price cannot depend on length.");
            }
            if (price.isEmpty()) {
                errors.put(creditsField, "Enter a whole number of credits from 0 to " + TenantAdmin.MAX_MODEL_CREDITS
                        + ".");
            }
            if (errors.containsKey(upToField) || price.isEmpty()) {
                complete = false;
                continue;
            }
            steps.add(new PriceStep(limit.get(), price.get()));
            rows.add(i);
        }
        if (complete) {
            for (int i = 0; i < steps.size(); i++) {
                String field = stepField(id, rows.get(i), "up_to");
                PriceStep.problemAt(steps, i).ifPresent(problem -> errors.put(field, "The limit " + problem + "."));
            }
        }
        return steps;
    }

    private static PriceStep.Unit unitOf(String limit) {
        return new PriceStep(limit, 0).unit();
    }

    private static String stepField(String id, int row, String name) {
        return STEPS + id + "." + row + "." + name;
    }

    /** How many step rows of model {@code id} were posted: one past the highest row, at most {@link #MAX_STEPS}. */
    private static int stepRows(MultivaluedMap<String, String> posted, String id) {
        String prefix = STEPS + id + ".";
        int rows = 0;
        for (String name : posted.keySet()) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot > 0 && rest.substring(0, dot).matches("[0-9]{1,2}")) {
                    rows = Math.max(rows, Math.min(MAX_STEPS, Integer.parseInt(rest.substring(0, dot)) + 1));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> stepRow(String upTo, String credits) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("upTo", upTo);
        row.put("credits", credits);
        return row;
    }

    void save(Tenant tenant, Checked checked) {
        store.save(tenant.id(), checked.offers(), checked.limits());
    }

    /** The rows as the template reads them. */
    List<Map<String, Object>> view(Tenant tenant) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (Row row : rows(tenant)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", row.id());
            m.put("available", row.model().isPresent());
            m.put("offered", row.offer() != null);
            row.model().ifPresent(info -> {
                m.put("name", info.descriptor().name());
                m.put("description", info.descriptor().description() == null ? "" : info.descriptor().description());
                m.put("output", String.valueOf(info.descriptor().output()).toLowerCase(java.util.Locale.ROOT));
                m.put("defaultPrice", info.descriptor().defaultCreditCost());
                boolean bySize = Pricing.measurable(PriceStep.Unit.SIZE, info.descriptor());
                boolean byLength = Pricing.measurable(PriceStep.Unit.DURATION, info.descriptor());
                m.put("stepsBy", bySize && byLength ? "size or length" : bySize ? "size" : byLength ? "length" : "");
                m.put("stepExample", byLength && !bySize ? "4s" : "1024x1024");
            });
            if (row.model().isEmpty()) {
                m.put("name", row.id());
                m.put("price", row.offer().credits() == null ? "" : String.valueOf(row.offer().credits()));
                m.put("steps", row.offer().steps().stream()
                        .map(step -> Map.of("upTo", step.upTo(), "credits", step.credits())).toList());
            }
            models.add(m);
        }
        return models;
    }

    private static long price(Row row) {
        return row.offer() != null && row.offer().credits() != null ? row.offer().credits()
                : row.model().map(m -> (long) m.descriptor().defaultCreditCost()).orElse(0L);
    }

    private static TenantSettings settings(Tenant tenant) {
        return tenant.settings() == null
                ? new TenantSettings(List.of(), List.of(), null, null, null, null, null, List.of(), null)
                : tenant.settings();
    }

    private static String text(MultivaluedMap<String, String> posted, String field) {
        String value = posted.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static Optional<Integer> number(String value, int min, int max) {
        if (!value.matches("[0-9]{1,7}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(value);
        return n < min || n > max ? Optional.empty() : Optional.of(n);
    }
}
