package dev.atelier.web.mail;

import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.pages.PageModels;
import dev.atelier.web.theme.TemplateFailure;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a tenant's transactional email from {@code email/<name>.subject.ftl}, {@code email/<name>.txt.ftl} and
 * {@code email/<name>.html.ftlh} through the same chain as pages (tenant overrides → theme → default). When any part
 * fails for the tenant, the error is recorded and all three come from {@code themes/default}.
 */
public final class MailComposer {

    public static final String WELCOME = "welcome";
    public static final String VERIFY_EMAIL = "verify-email";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String EMAIL_CHANGED = "email-changed";
    public static final String ACCOUNT_DELETED = "account-deleted";
    /** Every account email the default theme ships; the billing ones are {@link BillingMail#TEMPLATES}. */
    public static final List<String> TEMPLATES =
            List.of(WELCOME, VERIFY_EMAIL, PASSWORD_RESET, EMAIL_CHANGED, ACCOUNT_DELETED);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /**
     * Who the message goes to.
     *
     * @param email       the recipient's address
     * @param displayName the name to greet, or {@code null}
     */
    public record Recipient(String email, String displayName) {}

    private final ThemeEngine engine;
    private final Themes themes;

    public MailComposer(ThemeEngine engine, Themes themes) {
        this.engine = engine;
        this.themes = themes;
    }

    /**
     * Renders {@code template} for {@code to}, sent from the tenant's name and support address.
     *
     * @param model extra variables, typically {@code link} (absolute URL) and {@code expiresInHours}; both default to
     *              {@code null}. {@code tenant}, {@code brand} and {@code user} are filled in here.
     * @throws TemplateFailure when even {@code themes/default} cannot render the email
     */
    public MailMessage compose(Tenant tenant, String template, Recipient to, Map<String, ?> model)
            throws TemplateFailure {
        if (template == null || !NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not an email template name: " + template);
        }
        if (tenant.supportEmail() == null || tenant.supportEmail().isBlank()) {
            throw new IllegalStateException("Tenant " + tenant.slug() + " has no support address to send mail from");
        }
        Map<String, Object> data = new HashMap<>();
        data.put("link", null);
        data.put("expiresInHours", null);
        if (model != null) {
            data.putAll(model);
        }
        Map<String, Object> tenantMap = new LinkedHashMap<>();
        tenantMap.put("slug", tenant.slug());
        tenantMap.put("name", tenant.displayName());
        tenantMap.put("supportEmail", tenant.supportEmail());
        data.put("tenant", tenantMap);
        Branding branding = tenant.branding();
        Map<String, Object> brand = PageModels.brand(themes.effective(branding == null ? null : branding.theme()),
                branding, null, null);
        data.put("brand", brand);
        data.put("palette", MailPalette.of((Map<?, ?>) brand.get("colors")).asMap());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", to.email());
        user.put("displayName", to.displayName());
        data.put("user", user);
        String base = "email/" + template;
        List<String> parts = engine.renderAll(tenant,
                List.of(base + ".subject.ftl", base + ".txt.ftl", base + ".html.ftlh"), data);
        String subject = parts.get(0).strip().replaceAll("\\s+", " ");
        return new MailMessage(tenant.id(), tenant.displayName().strip().replaceAll("\\s+", " "),
                tenant.supportEmail(), to.email(), subject, parts.get(1).strip() + "\n", parts.get(2));
    }
}
