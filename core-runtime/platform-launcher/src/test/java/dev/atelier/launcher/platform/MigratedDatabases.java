package dev.atelier.launcher.platform;

import dev.atelier.core.db.internal.SchemaMigrations;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for test platforms, each a copy of one database this JVM migrated once. Copying a database
 * ({@code CREATE DATABASE … TEMPLATE}) is a file copy, much quicker than running every migration again, each its own
 * committed transaction, for every platform a test class starts. The platform still runs its migrations at start; it
 * finds the schema current and only checks it, as on any restart.
 */
final class MigratedDatabases {

    private static TestDatabase template;

    private MigratedDatabases() {}

    /** A new database holding the current schema and no data; close it to drop it. */
    static synchronized TestDatabase create() {
        if (template == null) {
            template = migrated();
        }
        return TestPostgres.copyOf(template);
    }

    private static TestDatabase migrated() {
        TestDatabase fresh = TestPostgres.create();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(fresh.url());
        dataSource.setUser(fresh.user());
        dataSource.setPassword(fresh.password());
        SchemaMigrations.apply(dataSource);
        TestPostgres.closeToConnections(fresh);
        Runtime.getRuntime().addShutdownHook(new Thread(fresh::close, "drop-migrated-test-database"));
        return fresh;
    }
}
