package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.TenantAdmin;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What tenant.yaml may contain. {@code docs/tenant-configuration.md} documents the same keys. */
final class TenantSchema {

    static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    static final Pattern SECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern THEME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final Pattern SECRET = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    static final Pattern MESSAGE_KEY = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String[] COLOUR_KEYS = {"primary", "on_primary", "accent", "background", "surface", "text", "muted"};

    static final Shape ROOT = root();

    private TenantSchema() {}

    /** A model's price steps: each up to a size or a duration, all of one unit, limits strictly ascending. */
    private static Shape priceSteps() {
        Shape list = Shape.listOf(Shape.fields()
                .required("up_to", Shape.text(v -> PriceStep.normalize(v).isPresent(),
                        "a size such as 1024x1024 or a duration in seconds such as 4s"))
                .required("credits", Shape.integer(0, TenantAdmin.MAX_MODEL_CREDITS)));
        return new Shape() {
            @Override
            void check(JsonNode node, String path, Problems problems) {
                list.check(node, path, problems);
                if (!node.isArray()) {
                    return;
                }
                List<PriceStep> steps = new ArrayList<>();
                for (JsonNode step : node) {
                    JsonNode upTo = step.path("up_to");
                    if (!upTo.isTextual() || PriceStep.normalize(upTo.asText()).isEmpty()) {
                        return; // reported above; the order of the others cannot be judged
                    }
                    steps.add(new PriceStep(upTo.asText(), 0));
                }
                for (int i = 0; i < steps.size(); i++) {
                    int index = i;
                    PriceStep.problemAt(steps, i).ifPresent(problem -> problems.add(
                            path + "[" + index + "].up_to", problem));
                }
            }

            @Override
            void checkRequired(JsonNode node, String path, Problems problems) {
                list.checkRequired(node, path, problems);
            }
        };
    }

    private static Shape root() {
        Shape.Fields colors = Shape.fields();
        for (String key : COLOUR_KEYS) {
            colors.optional(key, Shape.text(v -> COLOUR.matcher(v).matches(), "a colour written #rrggbb"));
        }
        Shape relativePath = Shape.text(v -> !v.isBlank() && !v.startsWith("/") && !v.contains("\\")
                && !v.equals("..") && !v.startsWith("../") && !v.contains("/../"), "a path inside the tenant folder");
        Shape email = Shape.text(v -> EMAIL.matcher(v).matches(), "an email address");
        Shape hostName = Shape.text(v -> HOST.matcher(v.toLowerCase(java.util.Locale.ROOT)).matches(),
                "a host name without port, such as www.example.com");
        Shape plugin = Shape.fields()
                .required("plugin", Shape.text(v -> THEME.matcher(v).matches(), "a plugin id such as stripe"))
                .optional("config", Shape.scalarMap());
        return Shape.fields()
                .required("slug", Shape.text(v -> SLUG.matcher(v).matches(),
                        "a slug: a lower-case letter, then 1-31 lower-case letters, digits or dashes"))
                .required("name", Shape.text(v -> !v.isBlank(), "a name"))
                .optional("status", Shape.oneOf("active", "suspended"))
                .required("support_email", email)
                .optional("hosts", Shape.listOf(hostName))
                .optional("canonical_host", hostName)
                .optional("branding", Shape.fields()
                        .optional("theme", Shape.text(v -> THEME.matcher(v).matches(), "a theme folder name"))
                        .optional("tagline", Shape.anyText())
                        .optional("colors", colors)
                        .optional("fonts", Shape.fields().optional("heading", Shape.anyText())
                                .optional("body", Shape.anyText()))
                        .optional("logo", relativePath)
                        .optional("favicon", relativePath))
                .optional("models", Shape.listOf(Shape.fields()
                        .required("id", Shape.anyText())
                        .optional("credits", Shape.integer(0))
                        .optional("config", Shape.scalarMap())
                        .optional("steps", priceSteps())
                        .optional("enabled", Shape.bool())))
                .optional("plans", PlanShapes.plans())
                .nullable("payment", plugin)
                .nullable("storage", plugin)
                .nullable("bot_protection", plugin)
                .optional("sign_in", Shape.fields()
                        .nullable("google", Shape.fields()
                                .required("client_id", Shape.anyText())
                                .optional("client_secret", Shape.anyText())))
                .optional("legal", Shape.fields()
                        .optional("company_name", Shape.anyText())
                        .optional("address", Shape.anyText())
                        .optional("contact_email", email)
                        .optional("jurisdiction", Shape.anyText())
                        .optional("product", Shape.anyText())
                        .optional("effective_date", Shape.text(TenantSchema::isDate, "a date written YYYY-MM-DD"))
                        .optional("sections", Shape.listOf(Shape.text(v -> SECTION.matcher(v).matches(),
                                "a section name (lower-case letters, digits and underscores)"))))
                .optional("admins", Shape.listOf(email))
                .optional("credits", Shape.fields()
                        .optional("signup_bonus", Shape.integer(0))
                        .optional("signup_bonus_expires_days", Shape.integer(0, Integer.MAX_VALUE))
                        .optional("max_concurrent_jobs_per_user", Shape.integer(0, Integer.MAX_VALUE))
                        .optional("max_concurrent_jobs_per_tenant", Shape.integer(0, Integer.MAX_VALUE))
                        .optional("low_balance_threshold", Shape.integer(0, Integer.MAX_VALUE)))
                .optional("rate_limits", rateLimits())
                .optional("messages", Shape.textMap(MESSAGE_KEY, "a message key such as create.prompt.label"));
    }

    /** Limits by bucket kind, each written attempts/period ({@code 20/10m}); only the platform's kinds. */
    private static Shape rateLimits() {
        Shape.Fields kinds = Shape.fields();
        RateLimits.defaults().limits().keySet().stream().sorted().forEach(kind -> kinds.optional(kind,
                Shape.text(TenantSchema::isLimit, "attempts/period such as 20/10m (period in s, m, h or d)")));
        return kinds;
    }

    private static boolean isLimit(String text) {
        try {
            RateLimits.Limit.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
