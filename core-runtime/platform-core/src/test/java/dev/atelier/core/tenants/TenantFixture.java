package dev.atelier.core.tenants;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.testkit.Folders;
import dev.atelier.testkit.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A migrated database with the tenant module on it, and copies of the test tenant folders to edit. */
final class TenantFixture implements AutoCloseable {

    static final Map<String, String> ENVIRONMENT = Map.of(
            "ALPHA_STRIPE_SECRET", "sk_live_alpha_stripe_secret",
            "ALPHA_R2_KEY_ID", "alpha-r2-key-id",
            "ALPHA_R2_SECRET", "alpha-r2-secret-value",
            "ALPHA_GOOGLE_SECRET", "alpha-google-client-secret",
            "ALPHA_TURNSTILE_SECRET", "alpha-turnstile-secret");

    final Database database;
    final TenantModule module;
    final Path folders;

    TenantFixture(TestDatabase testDatabase, Path workDir) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), 3));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        module = new TenantModule(database, new SecretBox(key), "localhost");
        folders = workDir.resolve("tenants");
        Folders.copy(Path.of("src/test/resources/tenants"), folders);
    }

    TenantFolders folders() {
        return module.folders(ENVIRONMENT);
    }

    Path folder(String group, String slug) {
        return folders.resolve(group).resolve(slug);
    }

    ApplyReport apply(String profile, Path... tenantFolders) {
        return folders().apply(List.of(tenantFolders), profile);
    }

    Tenant tenant(String slug) {
        return module.directory().bySlug(slug).orElseThrow();
    }

    /** Every row of every tenant table, as text, in a stable order. */
    String dump() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : List.of("tenant", "tenant_host", "tenant_asset", "tenant_template")) {
                out.append("== ").append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rows.getObject(i);
                            values.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value));
                        }
                        out.append(String.join(" | ", values)).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    String query(String sql) {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rows.next()) {
                out.append(rows.getString(1)).append('\n');
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
