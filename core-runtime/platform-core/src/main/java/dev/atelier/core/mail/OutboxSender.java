package dev.atelier.core.mail;

import dev.atelier.core.db.DatabaseOutage;
import dev.atelier.core.mail.internal.MimeMessages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what {@link MailOutbox} stored: one daemon thread that, every poll interval, sends the messages that are
 * due. A failed attempt is retried later by the {@link RetryPolicy}; after its last attempt a message is marked failed.
 * Every node may run one; each message is sent by one of them.
 *
 * <p>How a message is kept from being sent twice: due rows are taken with {@code SELECT ... FOR UPDATE SKIP LOCKED}
 * and the row lock is held, in one transaction, through the send until the row is marked sent and committed. Other
 * senders skip locked rows, so two never send the same message, and no lease can run out during a slow send (a lease
 * column would need a lease longer than any send, and a stalled sender past its lease would double-send). The price is
 * one pooled connection held while a batch is sent, bounded by the transport's timeouts.
 *
 * <p>The one unavoidable at-least-once window: if this node dies, or loses its database connection, after the SMTP
 * server accepted a message but before the commit that marks it sent, the lock is released with the row still pending
 * and the message is sent again later (with the same {@code Message-ID}). At most one batch is exposed this way.
 */
public final class OutboxSender implements AutoCloseable {

    /** Default number of messages taken, and held locked, per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private static final String CLAIM = """
            SELECT id, tenant_id, from_name, from_address, to_address, subject, text_body, html_body, attempts
            FROM mail_outbox
            WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
            ORDER BY next_attempt_at
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";

    private final DataSource dataSource;
    private final MailTransport transport;
    private final Duration pollInterval;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final int batchSize;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    /** Whether the current database outage was logged already (only by the sender thread). */
    private boolean outageLogged;
    private Thread worker;

    /** A sender with the {@linkplain RetryPolicy#standard() standard retry policy} and the system clock. */
    public OutboxSender(DataSource dataSource, MailTransport transport, Duration pollInterval) {
        this(dataSource, transport, pollInterval, RetryPolicy.standard(), Clock.systemUTC(), DEFAULT_BATCH_SIZE);
    }

    public OutboxSender(DataSource dataSource, MailTransport transport, Duration pollInterval, RetryPolicy retryPolicy,
            Clock clock, int batchSize) {
        if (pollInterval.isNegative() || pollInterval.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("pollInterval must be positive and batchSize at least 1");
        }
        this.dataSource = dataSource;
        this.transport = transport;
        this.pollInterval = pollInterval;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Starts the background thread. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        worker = new Thread(this::run, "atelier-mail-outbox");
        worker.setDaemon(true);
        worker.start();
        LOG.info("Mail outbox sender started: {}, every {}", transport, pollInterval);
    }

    /**
     * Tries once each message that is due now, up to the batch size, and records the outcome. The background thread
     * calls this; tests and tools may call it directly.
     *
     * @return how many messages were tried
     * @throws SQLException if the database could not be used; nothing is lost, the messages stay pending
     */
    public int sendDue() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Pending> due = claim(connection);
                List<UUID> sent = new ArrayList<>();
                for (Pending pending : due) {
                    if (attempt(connection, pending)) {
                        sent.add(pending.id());
                    }
                }
                markSent(connection, sent);
                connection.commit();
                return due.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<Pending> claim(Connection connection) throws SQLException {
        List<Pending> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setObject(1, utc(clock.instant()));
            select.setInt(2, batchSize);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(new Pending(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getInt(9)));
                }
            }
        }
        return due;
    }

    /** Marks the batch's sent messages in one statement; the transaction's commit makes it count, as for each one. */
    private void markSent(Connection connection, List<UUID> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE mail_outbox SET sent_at = ? WHERE id = ANY (?)")) {
            update.setObject(1, utc(clock.instant()));
            update.setArray(2, connection.createArrayOf("uuid", sent.toArray()));
            update.executeUpdate();
        }
    }

    /** Tries one message; true when it was sent (the caller marks it), false when it failed (recorded here). */
    private boolean attempt(Connection connection, Pending pending) throws SQLException {
        String tenant = pending.tenantId() == null ? "(platform)" : pending.tenantId();
        MailMessage message;
        try {
            message = new MailMessage(pending.tenantId(), pending.fromName(), pending.fromAddress(), pending.to(),
                    pending.subject(), pending.text(), pending.html());
        } catch (IllegalArgumentException e) {
            // Stored before a rule tightened: no retry can fix it.
            giveUp(connection, pending, pending.attempts() + 1, "Invalid message: " + e.getMessage(), tenant);
            return false;
        }
        try {
            transport.send(message, pending.id().toString());
        } catch (MailDeliveryException | RuntimeException e) {
            int attempts = pending.attempts() + 1;
            // A transport's own exception already names its causes; anything else is described with its chain.
            String error = e instanceof MailDeliveryException ? e.getMessage() : MimeMessages.describe(e);
            if (attempts >= retryPolicy.maxAttempts()) {
                giveUp(connection, pending, attempts, error, tenant);
            } else {
                Instant next = clock.instant().plus(retryPolicy.delayAfter(attempts));
                update(connection, "UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                        attempts, error, next, pending.id());
                LOG.warn("Mail {} of tenant {} not sent (attempt {} of {}), next try at {}: {}", pending.id(), tenant,
                        attempts, retryPolicy.maxAttempts(), next, error);
            }
            return false;
        }
        LOG.info("Mail {} of tenant {} sent after {} failed attempts", pending.id(), tenant, pending.attempts());
        return true;
    }

    private void giveUp(Connection connection, Pending pending, int attempts, String error, String tenant)
            throws SQLException {
        update(connection, "UPDATE mail_outbox SET attempts = ?, last_error = ?, failed_at = ? WHERE id = ?",
                attempts, error, clock.instant(), pending.id());
        LOG.error("Mail {} of tenant {} given up after {} attempts: {}", pending.id(), tenant, attempts, error);
    }

    private static void update(Connection connection, String sql, int attempts, String error, Instant at, UUID id)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setObject(3, utc(at));
            update.setObject(4, id);
            update.executeUpdate();
        }
    }

    private void run() {
        while (running) {
            try {
                int tried;
                do {
                    tried = sendDue();
                } while (running && tried == batchSize); // a full batch suggests more is due: go on before sleeping
                outageLogged = false;
            } catch (SQLException | RuntimeException e) {
                // The database's going away is logged where it is watched; here once per outage is enough.
                if (!DatabaseOutage.isCause(e) || !outageLogged) {
                    LOG.warn("Mail outbox could not be processed, trying again in {}: {}", pollInterval, e.toString());
                }
                outageLogged = DatabaseOutage.isCause(e);
            }
            synchronized (wakeUp) {
                if (running) {
                    try {
                        wakeUp.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Stops the thread after the message in hand; waits for it up to a minute. Unsent mail stays in the outbox. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (stopping == null) {
            return;
        }
        try {
            stopping.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            LOG.warn("Mail outbox sender still busy after a minute; leaving its daemon thread to finish");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Pending(UUID id, String tenantId, String fromName, String fromAddress, String to, String subject,
            String text, String html, int attempts) {}
}
