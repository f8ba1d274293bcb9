package dev.atelier.testkit;

/**
 * The two tenants most module tests need, written as bare rows of the platform's {@code tenant} table: accounts,
 * credits and jobs only need a tenant to belong to, not the tenant module that applies folders.
 */
public final class TestTenants {

    /** Id of the tenant {@code alpha}. */
    public static final String ALPHA = "tnt_alpha";
    /** Id of the tenant {@code beta}. */
    public static final String BETA = "tnt_beta";

    private TestTenants() {}

    /** Inserts the active tenants {@link #ALPHA} ({@code alpha}) and {@link #BETA} ({@code beta}). */
    public static void addAlphaAndBeta(TestSql sql) {
        add(sql, ALPHA, "alpha");
        add(sql, BETA, "beta");
    }

    private static void add(TestSql sql, String id, String slug) {
        sql.execute("INSERT INTO tenant (id, slug, display_name, status, document, secrets, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'ACTIVE', '{}', '{}', now(), now())", id, slug, slug);
    }
}
