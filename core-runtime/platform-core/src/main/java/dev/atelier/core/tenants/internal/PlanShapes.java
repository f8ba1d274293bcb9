package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The shape of tenant.yaml's {@code plans}: each entry's keys, and what only the whole list can tell (ids used twice,
 * a second currency). The admin plans form is checked against the same shape.
 */
final class PlanShapes {

    /** Longest {@code valid_days} of a top-up: ten years. */
    static final int MAX_VALID_DAYS = 3650;

    private PlanShapes() {}

    static Shape plans() {
        Shape list = Shape.listOf(Shape.fields()
                .required("id", Shape.text(v -> !v.isBlank(), "an id"))
                .required("name", Shape.text(v -> !v.isBlank(), "a name"))
                .required("price", Shape.fields()
                        .required("amount", Shape.integer(0))
                        .required("currency", Shape.text(v -> TenantSchema.CURRENCY.matcher(v).matches(),
                                "a three-letter currency code such as USD")))
                .optional("interval", Shape.oneOf("month", "year"))
                .required("credits", Shape.integer(0, Integer.MAX_VALUE))
                .optional("features", Shape.listOf(Shape.anyText()))
                .optional("highlighted", Shape.bool())
                .optional("archived", Shape.bool())
                .optional("rollover", rollover())
                .optional("valid_days", Shape.integer(1, MAX_VALID_DAYS))
                .optional("prices", Shape.scalarMap())
                .optional("priority", Shape.integer(0, 100)));
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                list.check(node, path, problems);
                if (node.isArray()) {
                    checkAcross(node, path, problems);
                }
            }

            @Override
            void checkRequired(JsonNode node, String path, Problems problems) {
                list.checkRequired(node, path, problems);
            }
        };
    }

    /** Ids are unique, and every price is in the first entry's currency: a tenant sells in one currency. */
    private static void checkAcross(JsonNode plans, String path, Shape.Problems problems) {
        Set<String> ids = new HashSet<>();
        String currency = null;
        for (int i = 0; i < plans.size(); i++) {
            JsonNode plan = plans.get(i);
            JsonNode id = plan.path("id");
            if (id.isTextual() && !ids.add(id.asText())) {
                problems.add(path + "[" + i + "].id", "names a plan or top-up listed before (\"" + id.asText()
                        + "\"); ids must be unique");
            }
            JsonNode priority = plan.path("priority");
            if (priority.isIntegralNumber() && priority.asInt() != 0 && !plan.hasNonNull("interval")) {
                problems.add(path + "[" + i + "].priority", "is only for plans with an interval (month or year):"
                        + " a subscription's priority lasts while it is paid, a top-up has none");
            }
            JsonNode code = plan.path("price").path("currency");
            if (!code.isTextual()) {
                continue;
            }
            if (currency == null) {
                currency = code.asText();
            } else if (!currency.equals(code.asText())) {
                problems.add(path + "[" + i + "].price.currency", "must be " + currency + " like the plans before it,"
                        + " was \"" + code.asText() + "\"; a site sells in one currency");
            }
        }
    }

    /** {@code none}, {@code all}, or the most credits carried over, at least 1. */
    private static Shape rollover() {
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                boolean word = node.isTextual() && (node.asText().equals("none") || node.asText().equals("all"));
                boolean count = node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 1;
                if (!word && !count) {
                    problems.add(path, "must be none, all or the most credits carried over (a whole number of at"
                            + " least 1), not " + Shape.describe(node));
                }
            }
        };
    }
}
