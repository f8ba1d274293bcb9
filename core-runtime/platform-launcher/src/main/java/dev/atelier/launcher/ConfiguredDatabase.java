package dev.atelier.launcher;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.core.db.DatabaseSettings;

/** The database the configuration names: external at {@code atelier.db.url}, else embedded in the data folder. */
final class ConfiguredDatabase {

    private ConfiguredDatabase() {}

    static DatabaseSettings settings(AtelierConfig config) {
        String url = config.get(Keys.DB_URL);
        String binaries = config.get(Keys.DB_EMBEDDED_BINARIES_DIR);
        return new DatabaseSettings(url.isEmpty() ? null : url, config.get(Keys.DB_USER),
                config.get(Keys.DB_PASSWORD), config.get(Keys.DB_POOL_SIZE),
                config.path(Keys.DATA_DIR).resolve("postgres"), config.get(Keys.DB_EMBEDDED_PORT),
                binaries.isBlank() ? null : config.path(Keys.DB_EMBEDDED_BINARIES_DIR));
    }
}
