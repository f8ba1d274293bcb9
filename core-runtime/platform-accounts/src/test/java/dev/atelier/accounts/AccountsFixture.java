package dev.atelier.accounts;

import dev.atelier.testkit.DatabaseFixtureExtension;
import dev.atelier.testkit.ManualClock;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestSql;
import java.time.Instant;

/**
 * A migrated database with tenants {@code alpha} and {@code beta}, a clock tests move, cheap Argon2 settings, and SQL
 * for what the API does not show.
 */
final class AccountsFixture implements AutoCloseable {

    static final String ALPHA = "tnt_alpha";
    static final String BETA = "tnt_beta";
    static final PasswordPolicy POLICY = PasswordPolicy.withShippedList();

    final Database database;
    final TenantScope scope;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Accounts accounts;
    final TestSql sql;

    AccountsFixture(TestDatabase testDatabase) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 3));
        scope = new TenantScope(database.entityManagerFactory());
        sql = new TestSql(database.dataSource());
        addTenant(ALPHA, "alpha");
        addTenant(BETA, "beta");
        accounts = accounts(new PasswordHasher(1024, 1, 1));
    }

    Accounts accounts(PasswordHasher hasher) {
        return new Accounts(scope, POLICY, hasher, clock);
    }

    private void addTenant(String id, String slug) {
        sql.execute("INSERT INTO tenant (id, slug, display_name, status, document, secrets, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'ACTIVE', '{}', '{}', now(), now())", id, slug, slug);
    }

    @Override
    public void close() {
        database.close();
    }

    /** Hands each test that asks for one a fixture on a fresh database, and closes both when the test ends. */
    static final class Extension extends DatabaseFixtureExtension<AccountsFixture> {
        Extension() {
            super(AccountsFixture.class, AccountsFixture::new);
        }
    }
}
