package dev.atelier.generation;

import dev.atelier.core.hash.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.core.db.DatabaseAccessException;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.spi.model.CallbackMessage;
import dev.atelier.spi.model.Callbacks;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where vendors' messages about running jobs (webhooks) arrive and wait for the job's worker. Each attempt of a job
 * has its own URL, signed with the secrets key so only the platform can make one: {@code
 * <public-base-url>/hooks/generations/<job>/<attempt>/<signature>}. Messages are kept in the database, so the node
 * that receives one need not be the node running the job; they are dropped when the job ends.
 */
public final class CallbackInbox {

    /** Most messages kept per attempt; a vendor sends a handful, anything beyond is noise or abuse. */
    static final int MAX_MESSAGES_PER_ATTEMPT = 500;
    /** How often a waiting worker looks for messages received by another node. */
    private static final Duration CROSS_NODE_POLL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE_CONTEXT = "generation-callback";

    /** What became of a received message. */
    public enum Receipt {
        /** Kept for the job's worker. */
        ACCEPTED,
        /** The same message (same {@code webhook-id}, or the same body) came before; kept once. */
        REPEATED,
        /** The attempt is over (job finished, retried or gone): nothing waits for it any more. */
        ENDED,
        /** The address is not one the platform made. */
        UNKNOWN
    }

    private final DataSource dataSource;
    private final SecretBox secrets;
    private final Clock clock;
    private final URI publicBaseUrl;
    private final JobSignals arrivals = new JobSignals();

    /**
     * @param publicBaseUrl where vendors reach this deployment, or null: no callbacks are offered and models poll
     */
    CallbackInbox(DataSource dataSource, SecretBox secrets, Clock clock, URI publicBaseUrl) {
        this.dataSource = dataSource;
        this.secrets = secrets;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The callbacks of one attempt of a job, or empty when the platform has no public address. */
    Optional<Callbacks> open(String jobId, int attempt, HostedContext context) {
        if (publicBaseUrl == null) {
            return Optional.empty();
        }
        String base = publicBaseUrl.toString();
        URI url = URI.create((base.endsWith("/") ? base : base + "/") + "hooks/generations/" + jobId + "/" + attempt
                + "/" + signature(jobId, attempt));
        return Optional.of(new Mailbox(url, jobId, attempt, context));
    }

    /**
     * Keeps a message POSTed to a callback URL for the job's worker.
     *
     * @param headers the request's headers (one value each)
     * @param body at most {@link Callbacks#MAX_BODY_BYTES}
     */
    public Receipt receive(String jobId, String attempt, String signature, Map<String, String> headers, byte[] body) {
        int attemptNumber;
        try {
            attemptNumber = Integer.parseInt(attempt);
        } catch (NumberFormatException e) {
            return Receipt.UNKNOWN;
        }
        // Also under a previous secrets key: a job's callback URL was handed out before the key was rotated.
        if (!secrets.fingerprintMatches(signature, signed(jobId, attemptNumber), SIGNATURE_CONTEXT)) {
            return Receipt.UNKNOWN;
        }
        Map<String, String> lowerCase = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        String deliveryId = Optional.ofNullable(lowerCase.get("webhook-id")).filter(id -> !id.isBlank())
                .map(id -> "id:" + id).orElseGet(() -> "sha256:" + Sha256.hex(body));
        Receipt receipt = insert(jobId, attemptNumber, deliveryId, lowerCase, body);
        if (receipt == Receipt.ACCEPTED) {
            arrivals.changed(jobId);
        }
        return receipt;
    }

    /**
     * Wakes a worker waiting for a job's messages when one arrives here; messages received by another node are
     * relayed into it through {@link JobSignals#changedElsewhere} by the cluster events.
     */
    public JobSignals arrivals() {
        return arrivals;
    }

    /** Drops the messages of a job whose attempt ended on this node. */
    void discard(String jobId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM generation_callback WHERE job_id = ?")) {
            delete.setString(1, jobId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseAccessException("The database failed while dropping generation callbacks", e);
        }
    }

    /** Drops messages older than {@code age} (jobs whose worker died without discarding them); returns how many. */
    int purge(Duration age) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM generation_callback WHERE received_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(age)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseAccessException("The database failed while purging old generation callbacks", e);
        }
    }

    private Receipt insert(String jobId, int attempt, String deliveryId, Map<String, String> headers, byte[] body) {
        // Kept only while that very attempt runs, and only up to the cap; a repeat hits the unique constraint.
        String sql = "INSERT INTO generation_callback (job_id, attempt, delivery_id, headers, body, received_at)"
                + " SELECT ?, ?, ?, ?::jsonb, ?, ? WHERE EXISTS (SELECT 1 FROM generation_job"
                + " WHERE id = ? AND status = 'RUNNING' AND attempts = ?)"
                + " AND (SELECT count(*) FROM generation_callback WHERE job_id = ? AND attempt = ?) < ?"
                + " ON CONFLICT ON CONSTRAINT generation_callback_once DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, jobId);
            insert.setInt(2, attempt);
            insert.setString(3, deliveryId);
            insert.setString(4, JSON.writeValueAsString(headers));
            insert.setBytes(5, body);
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.setString(7, jobId);
            insert.setInt(8, attempt);
            insert.setString(9, jobId);
            insert.setInt(10, attempt);
            insert.setInt(11, MAX_MESSAGES_PER_ATTEMPT);
            if (insert.executeUpdate() == 1) {
                return Receipt.ACCEPTED;
            }
            return isKept(c, jobId, attempt, deliveryId) ? Receipt.REPEATED : Receipt.ENDED;
        } catch (SQLException e) {
            throw new DatabaseAccessException("The database failed while receiving a generation callback", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers could not be written as JSON", e);
        }
    }

    private static boolean isKept(Connection c, String jobId, int attempt, String deliveryId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM generation_callback"
                + " WHERE job_id = ? AND attempt = ? AND delivery_id = ?")) {
            q.setString(1, jobId);
            q.setInt(2, attempt);
            q.setString(3, deliveryId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The first message of an attempt after {@code afterSeq}, with its seq. */
    private Optional<Map.Entry<Long, CallbackMessage>> after(String jobId, int attempt, long afterSeq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT seq, headers, body, received_at"
                        + " FROM generation_callback WHERE job_id = ? AND attempt = ? AND seq > ? ORDER BY seq"
                        + " LIMIT 1")) {
            q.setString(1, jobId);
            q.setInt(2, attempt);
            q.setLong(3, afterSeq);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> headers = JSON.readValue(rs.getString("headers"), new TypeReference<>() { });
                return Optional.of(Map.entry(rs.getLong("seq"), new CallbackMessage(headers, rs.getBytes("body"),
                        rs.getTimestamp("received_at").toInstant())));
            }
        } catch (SQLException e) {
            throw new DatabaseAccessException("The database failed while reading generation callbacks", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored callback headers are not JSON", e);
        }
    }

    private String signature(String jobId, int attempt) {
        return secrets.fingerprint(signed(jobId, attempt), SIGNATURE_CONTEXT);
    }

    private static String signed(String jobId, int attempt) {
        return jobId + "\n" + attempt;
    }


    /** One attempt's callbacks, as its model sees them. */
    private final class Mailbox implements Callbacks {
        private final URI url;
        private final String jobId;
        private final int attempt;
        private final HostedContext context;
        private long lastSeq;

        Mailbox(URI url, String jobId, int attempt, HostedContext context) {
            this.url = url;
            this.jobId = jobId;
            this.attempt = attempt;
            this.context = context;
        }

        @Override
        public URI url() {
            return url;
        }

        @Override
        public synchronized Optional<CallbackMessage> next(Duration wait) {
            long until = System.nanoTime() + Math.max(0, wait.toNanos());
            while (true) {
                Optional<Map.Entry<Long, CallbackMessage>> found = after(jobId, attempt, lastSeq);
                if (found.isPresent()) {
                    lastSeq = found.get().getKey();
                    return Optional.of(found.get().getValue());
                }
                long left = until - System.nanoTime();
                if (left <= 0 || context.isCancelled()) {
                    return Optional.empty();
                }
                try {
                    // Woken at once by a message received on this node; others are found by the next look.
                    arrivals.await(jobId, Duration.ofNanos(Math.min(left, CROSS_NODE_POLL.toNanos())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }
}
