package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.TenantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Plans written as tenant.yaml's {@code plans} list, checked by the rules a folder's plans are checked by. */
final class PlanDocument {

    private PlanDocument() {}

    /** The {@code plans} list holding {@code plans}, in their order, with only the keys that differ from defaults. */
    static ArrayNode of(List<TenantSettings.Plan> plans) {
        ArrayNode list = Documents.JSON.createArrayNode();
        for (TenantSettings.Plan plan : plans) {
            ObjectNode entry = list.addObject();
            entry.put("id", plan.id());
            entry.put("name", plan.name());
            entry.putObject("price").put("amount", plan.priceMinor()).put("currency", plan.currency());
            if (plan.interval() != null) {
                entry.put("interval", plan.interval());
            }
            entry.put("credits", plan.credits());
            if (!plan.features().isEmpty()) {
                ArrayNode features = entry.putArray("features");
                plan.features().forEach(features::add);
            }
            if (plan.highlighted()) {
                entry.put("highlighted", true);
            }
            if (plan.archived()) {
                entry.put("archived", true);
            }
            if (plan.rolloverMax() == TenantSettings.Plan.ROLLOVER_ALL) {
                entry.put("rollover", "all");
            } else if (plan.rolloverMax() > 0) {
                entry.put("rollover", plan.rolloverMax());
            }
            if (plan.validDays() != null) {
                entry.put("valid_days", plan.validDays().intValue());
            }
            if (plan.priority() != TenantSettings.Plan.NO_PRIORITY) {
                entry.put("priority", plan.priority());
            }
            if (!plan.prices().isEmpty()) {
                ObjectNode prices = entry.putObject("prices");
                new TreeMap<>(plan.prices()).forEach(prices::put);
            }
        }
        return list;
    }

    /** What is wrong with {@code plans}, at tenant.yaml paths ({@code plans[1].price.currency}). */
    static List<ConfigProblem> problems(ArrayNode plans) {
        List<ConfigProblem> problems = new ArrayList<>();
        Shape shape = PlanShapes.plans();
        Shape.Problems add = (path, message) -> problems.add(new ConfigProblem(null, path, message));
        shape.check(plans, "plans", add);
        shape.checkRequired(plans, "plans", add);
        return problems;
    }
}
