package dev.atelier.core.mail;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach the SMTP server.
 *
 * @param host           server host name
 * @param port           server port (587 for STARTTLS, 465 for TLS)
 * @param security       how the connection is encrypted
 * @param username       user to authenticate as; empty: no authentication
 * @param password       password for {@code username}; never logged or printed by {@link #toString()}
 * @param connectTimeout longest wait for the connection to open
 * @param readTimeout    longest wait for any one answer of the server
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
        Duration connectTimeout, Duration readTimeout) {

    /** How the connection to the SMTP server is encrypted. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which the server must offer (no silent downgrade). */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS,
        /** Unencrypted: only for a relay on the same machine or a trusted network, and for tests. */
        NONE;

        /** {@code starttls}, {@code tls} or {@code none}, as configured in {@code atelier.mail.smtp.tls}. */
        public static Security parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP host must be given and port be between 1 and 65535");
        }
    }

    /** No credentials, 10 s to connect, 30 s per answer. */
    public static SmtpSettings of(String host, int port, Security security) {
        return new SmtpSettings(host, port, security, "", "", Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public SmtpSettings withCredentials(String username, String password) {
        return new SmtpSettings(host, port, security, username, password, connectTimeout, readTimeout);
    }

    public SmtpSettings withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new SmtpSettings(host, port, security, username, password, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security + (username.isEmpty() ? "" : ", user " + username)
                + "]";
    }
}
