package dev.atelier.core.db.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;

/**
 * Makes ready, beside a start, what the first connection to PostgreSQL sets up on the starting thread: the JDBC
 * driver, and the JDK's security providers that its SCRAM log-in asks for its HMAC and PBKDF2 (the first such request
 * loads and registers the providers one by one: about 60 ms of CPU). A start spends that long or longer waiting for
 * the server to accept connections, so the first connection no longer pays for it. Nothing depends on it finishing:
 * whatever it has not done yet, the first connection does as before.
 */
public final class ClientWarmUp {

    private ClientWarmUp() {
    }

    /** Begins the warm-up on a daemon thread of its own. */
    public static void begin() {
        Thread thread = new Thread(ClientWarmUp::run, "atelier-start-db-client");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Class.forName("org.postgresql.Driver", true, ClientWarmUp.class.getClassLoader());
            Mac.getInstance("HmacSHA256");
            MessageDigest.getInstance("SHA-256");
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            new SecureRandom().nextBytes(new byte[16]);
        } catch (ClassNotFoundException | GeneralSecurityException | RuntimeException e) {
            // Only time is at stake: the first connection sets up whatever is missing and reports what fails.
        }
    }
}
