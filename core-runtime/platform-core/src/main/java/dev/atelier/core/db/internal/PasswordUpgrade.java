package dev.atelier.core.db.internal;

import dev.atelier.core.db.DatabaseStartException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a running cluster that still lets connections in without a password ({@code trust}, as clusters were made
 * before) to password authentication, keeping its data: sets the superuser's password, rewrites {@code pg_hba.conf}
 * and reloads it. Safe to repeat: a start interrupted half-way does it again with the same stored password.
 */
final class PasswordUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordUpgrade.class);
    private static final String SCRAM = "scram-sha-256";

    private final HostBasedAuthentication rules;
    private final ServerPassword password;
    private final String superuser;

    PasswordUpgrade(HostBasedAuthentication rules, ServerPassword password, String superuser) {
        this.rules = rules;
        this.password = password;
        this.superuser = superuser;
    }

    void applyIfNeeded(DataSource postgresDatabase) {
        if (!rules.trustsAnyone()) {
            return;
        }
        // Still trusted here, so this connection needs no password; the verifier is computed on this side, so the
        // password itself never reaches the server or its log.
        try (Connection connection = postgresDatabase.getConnection();
                Statement statement = connection.createStatement()) {
            connection.unwrap(PGConnection.class).alterUserPassword(superuser, password.value().toCharArray(), SCRAM);
            rules.requirePasswords();
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new DatabaseStartException("Cannot give the embedded PostgreSQL a password: " + e.getMessage()
                    + ". pg_hba.conf was left as it was; the next start tries again.", e);
        }
        LOG.warn("The embedded PostgreSQL let local connections in without a password; it now requires the password"
                + " kept in {} (owner-only)", password.file());
    }
}
