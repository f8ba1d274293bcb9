package dev.atelier.accounts;

import dev.atelier.testkit.DatabaseFixtureExtension;
import dev.atelier.testkit.ManualClock;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.core.tenants.TenantModule;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestSql;
import dev.atelier.testkit.TestTenants;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * A migrated database with tenants {@code alpha} and {@code beta}, a clock tests move, cheap Argon2 settings, and SQL
 * for what the API does not show.
 */
final class AccountsFixture implements AutoCloseable {

    static final String ALPHA = TestTenants.ALPHA;
    static final String BETA = TestTenants.BETA;
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
        TestTenants.addAlphaAndBeta(sql);
        accounts = accounts(new PasswordHasher(1024, 1, 1));
    }

    /** The tenants as the platform reads them (under a throwaway secrets key), for what looks tenants up. */
    TenantDirectory tenants() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TenantModule(database, new SecretBox(key), "localhost").directory();
    }

    Accounts accounts(PasswordHasher hasher) {
        return new Accounts(scope, POLICY, hasher, clock);
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
