package dev.atelier.core.credits;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.testkit.ManualClock;
import dev.atelier.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A migrated database with tenants {@code tnt_alpha} and {@code tnt_beta}, a clock tests move, and the ledger. Public
 * so the generation job tests share it.
 */
public final class LedgerFixture implements AutoCloseable {

    public static final String ALPHA = "tnt_alpha";
    public static final String BETA = "tnt_beta";

    public final Database database;
    public final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final CreditLedger ledger;

    public LedgerFixture(TestDatabase testDatabase, int poolSize) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), poolSize));
        addTenant(ALPHA, "alpha");
        addTenant(BETA, "beta");
        ledger = new CreditLedger(database.dataSource(), clock);
    }

    /** The first column of the first row of {@code sql}, as a long. */
    public long number(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addTenant(String id, String slug) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO tenant (id, slug, display_name,"
                        + " status, document, secrets, created_at, updated_at) VALUES (?, ?, ?, 'ACTIVE', '{}', '{}',"
                        + " now(), now())")) {
            insert.setString(1, id);
            insert.setString(2, slug);
            insert.setString(3, slug);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
