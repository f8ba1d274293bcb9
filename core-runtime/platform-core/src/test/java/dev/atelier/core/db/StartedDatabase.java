package dev.atelier.core.db;

import dev.atelier.testkit.DatabaseFixtureExtension;

/**
 * Hands each test that asks for a {@link Database} one started (and migrated) on a fresh test database, with a pool of
 * 6, and closes both when the test ends.
 */
public final class StartedDatabase extends DatabaseFixtureExtension<Database> {

    public StartedDatabase() {
        super(Database.class, database -> Database.start(DatabaseSettings.external(database.url(), database.user(),
                database.password(), 6)));
    }
}
