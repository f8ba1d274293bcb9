package dev.atelier.accounts;

import dev.atelier.testkit.ManualClock;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A migrated database with tenants {@code alpha} and {@code beta}, a clock tests move, and cheap Argon2 settings. */
final class AccountsFixture implements AutoCloseable {

    static final String ALPHA = "tnt_alpha";
    static final String BETA = "tnt_beta";
    static final PasswordPolicy POLICY = PasswordPolicy.withShippedList();

    final Database database;
    final TenantScope scope;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Accounts accounts;

    AccountsFixture(TestDatabase testDatabase) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 3));
        scope = new TenantScope(database.entityManagerFactory());
        addTenant(ALPHA, "alpha");
        addTenant(BETA, "beta");
        accounts = accounts(new PasswordHasher(1024, 1, 1));
    }

    Accounts accounts(PasswordHasher hasher) {
        return new Accounts(scope, POLICY, hasher, clock);
    }

    /** Each row of {@code sql}'s first column, as text. */
    List<String> column(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update statement; returns the count of rows changed. */
    int execute(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
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
