package dev.atelier.web.operator.tenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads every tenant's {@link TenantUsage} in three grouped statements. Platform-wide on purpose: the operator sees all
 * tenants, so these read across the tenant discriminator with plain JDBC.
 */
public final class TenantUsages {

    private static final String USERS = "SELECT tenant_id, count(*) FROM account GROUP BY tenant_id";
    // Only the last 30 days are scanned; both windows come out of the same rows.
    private static final String JOBS = """
            SELECT tenant_id, count(*) FILTER (WHERE created_at > now() - interval '24 hours'), count(*)
              FROM generation_job WHERE created_at > now() - interval '30 days' GROUP BY tenant_id""";
    private static final String CREDITS = """
            SELECT tenant_id, sum(amount) FROM credit_entry
             WHERE kind = 'CAPTURE' AND created_at > now() - interval '30 days' GROUP BY tenant_id""";

    private final DataSource dataSource;

    public TenantUsages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Usage by tenant id; tenants nobody used are missing (read them as {@link TenantUsage#NONE}). */
    public Map<String, TenantUsage> all() {
        Map<String, long[]> figures = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            read(connection, USERS, figures, 0);
            read(connection, JOBS, figures, 1);
            read(connection, CREDITS, figures, 3);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read tenant usage: " + e.getMessage(), e);
        }
        Map<String, TenantUsage> usages = new HashMap<>();
        figures.forEach((tenantId, f) -> usages.put(tenantId, new TenantUsage(f[0], f[1], f[2], f[3])));
        return usages;
    }

    // Each statement answers tenant_id and then figures that go, in order, from slot `first` on.
    private static void read(Connection connection, String sql, Map<String, long[]> figures, int first)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                long[] slots = figures.computeIfAbsent(rows.getString(1), id -> new long[4]);
                for (int column = 2; column <= columns; column++) {
                    slots[first + column - 2] = rows.getLong(column);
                }
            }
        }
    }
}
