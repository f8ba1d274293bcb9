package dev.atelier.core.mail;

import dev.atelier.core.ids.UuidV7;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores transactional email for {@link OutboxSender} to deliver. Storing is a database insert, so it succeeds while
 * the mail server is down, and it can be part of the transaction that made the mail necessary (a sign-up is not
 * committed without its verification mail, nor the mail without the sign-up).
 */
public final class MailOutbox {

    /** Longest idempotency key. */
    public static final int MAX_KEY_LENGTH = 200;

    private static final String INSERT = """
            INSERT INTO mail_outbox (id, tenant_id, idempotency_key, from_name, from_address, to_address, subject,
                                     text_body, html_body, created_at, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id""";

    private final DataSource dataSource;
    private final Clock clock;
    private final UuidV7 ids;

    public MailOutbox(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public MailOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Stores the message on the caller's connection, inside whatever transaction it has open; the message is sent
     * only once that transaction commits, and never if it rolls back.
     *
     * @param idempotencyKey names this message for its purpose, for example {@code "verify:<user id>:<token id>"};
     *                       storing the same key again stores nothing and returns the first message's id
     * @return the outbox id of the message (also its {@code Message-ID})
     */
    public String enqueue(Connection connection, MailMessage message, String idempotencyKey) throws SQLException {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, ids.next());
            insert.setString(2, message.tenantId());
            insert.setString(3, idempotencyKey);
            insert.setString(4, message.fromName());
            insert.setString(5, message.fromAddress());
            insert.setString(6, message.to());
            insert.setString(7, message.subject());
            insert.setString(8, message.text());
            insert.setString(9, message.html());
            insert.setObject(10, now);
            insert.setObject(11, now);
            try (ResultSet inserted = insert.executeQuery()) {
                if (inserted.next()) {
                    return inserted.getObject(1, UUID.class).toString();
                }
            }
        }
        try (PreparedStatement existing = connection.prepareStatement(
                "SELECT id FROM mail_outbox WHERE idempotency_key = ?")) {
            existing.setString(1, idempotencyKey);
            try (ResultSet row = existing.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("mail_outbox refused key " + idempotencyKey + " but holds no row for it");
                }
                return row.getObject(1, UUID.class).toString();
            }
        }
    }

    /** Stores the message in a transaction of its own. See {@link #enqueue(Connection, MailMessage, String)}. */
    public String enqueue(MailMessage message, String idempotencyKey) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return enqueue(connection, message, idempotencyKey);
        }
    }

    /** Where the message with this outbox id stands, or empty if there is none. */
    public Optional<OutboxEntry> find(String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT id, tenant_id, to_address, subject, created_at, attempts, next_attempt_at, last_error,
                               sent_at, failed_at
                        FROM mail_outbox WHERE id = ?""")) {
            select.setObject(1, uuid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OutboxEntry(row.getObject(1, UUID.class).toString(), row.getString(2),
                        row.getString(3), row.getString(4), instant(row, 5), row.getInt(6), instant(row, 7),
                        row.getString(8), instant(row, 9), instant(row, 10)));
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
