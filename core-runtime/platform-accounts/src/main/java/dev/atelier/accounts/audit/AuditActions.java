package dev.atelier.accounts.audit;

import java.util.List;

/** The kinds of admin change the audit log records, as stored in its {@code action} column. */
public final class AuditActions {

    public static final String BRANDING_UPDATE = "branding.update";
    public static final String PLAN_SAVE = "plan.save";
    public static final String PLAN_ARCHIVE = "plan.archive";
    public static final String PLAN_UNARCHIVE = "plan.unarchive";
    public static final String MODELS_UPDATE = "models.update";
    public static final String PLUGIN_SETTINGS = "plugin.settings";
    public static final String LEGAL_PUBLISH = "legal.publish";
    public static final String CREDITS_GRANT = "credits.grant";
    public static final String PAYMENT_REFUND = "payment.refund";
    public static final String SUBSCRIPTION_CHANGE = "subscription.change";
    public static final String ACCOUNT_SUSPEND = "account.suspend";
    public static final String ACCOUNT_RESUME = "account.resume";
    public static final String SESSION_REVOKE = "session.revoke";

    /** Every action, in the order the audit page offers them as a filter. */
    public static final List<String> ALL = List.of(BRANDING_UPDATE, PLAN_SAVE, PLAN_ARCHIVE, PLAN_UNARCHIVE,
            MODELS_UPDATE, PLUGIN_SETTINGS, LEGAL_PUBLISH, CREDITS_GRANT, PAYMENT_REFUND, SUBSCRIPTION_CHANGE,
            ACCOUNT_SUSPEND, ACCOUNT_RESUME, SESSION_REVOKE);

    private AuditActions() {}
}
