package dev.atelier.legal.versions;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.Accounts;
import dev.atelier.accounts.Consents;
import dev.atelier.accounts.PasswordHasher;
import dev.atelier.accounts.PasswordPolicy;
import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.legal.LegalDraft;
import dev.atelier.testkit.DatabaseFixtureExtension;
import dev.atelier.testkit.ManualClock;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestSql;
import dev.atelier.testkit.TestTenants;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A migrated database with tenants alpha and beta, a clock tests move, accounts, and the legal records. */
final class LegalFixture implements AutoCloseable {

    static final String ALPHA = TestTenants.ALPHA;
    static final String BETA = TestTenants.BETA;

    final Database database;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    final TenantScope scope;
    final Accounts accounts;
    final Consents consents;
    final TestSql sql;
    /** Every version the records announced as published, in order. */
    final List<LegalVersionInfo> published = new CopyOnWriteArrayList<>();
    final LegalRecords legal;

    LegalFixture(TestDatabase testDatabase) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 8));
        sql = new TestSql(database.dataSource());
        TestTenants.addAlphaAndBeta(sql);
        scope = new TenantScope(database.entityManagerFactory());
        accounts = new Accounts(scope, PasswordPolicy.withShippedList(), new PasswordHasher(1024, 1, 1), clock);
        consents = new Consents(scope, clock);
        legal = LegalRecords.open(database.dataSource(), consents, clock, (tenant, version) -> published.add(version));
    }

    Account account(String tenantId, String email) {
        return accounts.signUp(tenantId, email, "violet lantern orbit", email).account();
    }

    /** A rendering of {@code document} whose every part names {@code label}, as the renderer would hand it over. */
    static LegalDraft draft(String document, String label) {
        return new LegalDraft(document, "<#-- template " + label + " -->", "<p>" + label + "</p>",
                "Title\n\n" + label + "\n\nContact us.\n", "# Title\n\n" + label + "\n", "digest-" + label);
    }

    @Override
    public void close() {
        database.close();
    }

    /** Hands each test a fixture on a fresh database. */
    static final class Extension extends DatabaseFixtureExtension<LegalFixture> {
        Extension() {
            super(LegalFixture.class, LegalFixture::new);
        }
    }
}
