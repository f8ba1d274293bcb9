package dev.atelier.core.db.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded superuser's {@code scram-sha-256} verifier at {@link #ITERATIONS} rounds of PBKDF2 instead of
 * PostgreSQL's 4,096.
 *
 * <p>The rounds exist to slow down guessing a password a person chose. This password is 32 random bytes the platform
 * generated ({@link ServerPassword}): no number of guesses reaches it at any round count, so the rounds only cost every
 * connection. And they cost a lot in a fresh JVM: the driver derives the key again for each connection the pool opens,
 * and a start spent about 0.1 s of its own thread and well over a second of the JIT compiler's on that loop.
 *
 * <p>initdb writes the verifier with the server's default count, so a new cluster's first connection still pays it
 * once; the verifier is rewritten on that connection, with a new salt, and later ones log in at once.
 */
final class QuickLogIn {

    /** Rounds of the superuser's verifier; small, because the password is random (see the class comment). */
    static final int ITERATIONS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(QuickLogIn.class);
    private static final int SALT_BYTES = 16;
    // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
    private static final Pattern VERIFIER = Pattern.compile("^SCRAM-SHA-256\\$(\\d+):");

    private QuickLogIn() {
    }

    /**
     * Rewrites the verifier of the user {@code connection} logged in as, if it has more rounds than
     * {@link #ITERATIONS}; a password that is not a SCRAM verifier (a cluster still on {@code trust}) is left alone.
     */
    static void applyIfNeeded(Connection connection, String superuser, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int rounds = rounds(statement, superuser);
            if (rounds <= ITERATIONS) {
                return;
            }
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            String verifier = PasswordUtil.encodeScramSha256(password.toCharArray(), ITERATIONS, salt);
            // Base64, digits, '$' and ':' only: nothing to escape. The password itself never reaches the server.
            statement.execute("ALTER ROLE \"" + superuser + "\" PASSWORD '" + verifier + "'");
            LOG.debug("The embedded superuser's verifier went from {} to {} rounds", rounds, ITERATIONS);
        }
    }

    private static int rounds(Statement statement, String superuser) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT rolpassword FROM pg_authid WHERE rolname = '" + superuser + "'")) {
            String stored = row.next() ? row.getString(1) : null;
            Matcher matcher = stored == null ? null : VERIFIER.matcher(stored);
            return matcher != null && matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        }
    }
}
