package dev.atelier.generation.jobs;

import dev.atelier.core.hash.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerStatements;
import dev.atelier.billing.notices.LowBalanceWatch;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.ids.UuidV7;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generation jobs: submitted by users, claimed and run by workers, settled against the credit ledger exactly once.
 *
 * <p>Why plain JDBC with explicit transactions: every state change here must move credits in the same transaction
 * (a job is never QUEUED without its hold, never SUCCEEDED without its capture, never ended otherwise without its
 * release), and the queue needs {@code FOR UPDATE SKIP LOCKED} so that workers on many nodes never take the same job.
 * Each method is one transaction.
 *
 * <p>Why leases: a worker that dies holds no lock; its job simply stops being heartbeated, and {@link #sweep} (run on
 * any number of nodes) queues it again or fails it and releases its credits. A worker's later calls about a job it
 * lost answer {@code false}, so a slow worker cannot overwrite what the sweeper or another worker decided.
 *
 * <p>Locks are taken in one order everywhere, so transactions cannot deadlock on each other: the tenant's submit lock,
 * then a job row, then the account's ledger lock; a claim takes a job row, then (for a limited model) the model's lock.
 *
 * <p>Which queued job is claimed next is decided in lanes (fair share between tenants, plan priority within a tenant,
 * running limits per model across the cluster): see {@link Lanes}.
 *
 * <p>Prompts are never logged: only ids, statuses and counts.
 */
public final class GenerationJobs {

    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE = 100;
    /** Longest idempotency key {@link #submit} accepts. */
    public static final int MAX_KEY_LENGTH = 200;
    /** What a user is told about a job whose worker stopped answering once too often. */
    public static final String LOST_WORKER_REASON = "The generation stopped unexpectedly.";
    /** What a user is told about a job that waited in the queue too long. */
    public static final String EXPIRED_REASON = "The generation waited too long to start and was not run.";

    private static final Logger LOG = LoggerFactory.getLogger(GenerationJobs.class);
    /** Claim transactions one call may run before it answers "nothing now" (each a few milliseconds). */
    private static final int MAX_CLAIM_ROUNDS = 32;

    static final String COLUMNS = "id, tenant_id, account_id, model_id, prompt, negative_prompt,"
            + " parameters::text, input_ids::text, status, progress, stage, error, price, attempts, cancel_requested,"
            + " created_at, started_at, finished_at, outputs::text, run_deadline_ms";
    /** How many columns {@link #COLUMNS} names, in the order {@link #job} reads them. */
    private static final int COLUMN_COUNT = 20;
    private static final String CLAIM_AND_COMMIT_SQL = """
            SET LOCAL synchronous_commit = off;
            UPDATE generation_job
               SET status = 'RUNNING', attempts = attempts + 1, started_at = ?, worker_id = ?,
                   lease_expires_at = ?, progress = 0, stage = NULL
             WHERE id = ? AND status = 'QUEUED'
            RETURNING\s""" + COLUMNS + """
            ;
            COMMIT""";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};
    private static final TypeReference<List<String>> INPUTS = new TypeReference<>() {};
    private static final TypeReference<List<Output>> OUTPUTS = new TypeReference<>() {};

    private final JdbcTransactions transactions;
    private final CreditLedger ledger;
    private final Clock clock;
    private final UuidV7 ids;
    private final LowBalanceWatch lowBalance;
    private final LedgerStatements ledgerSql;
    // The trains' texts, built once: they depend on nothing but the ledger's statements.
    private final String submitSql;
    private final String submitInBatchSql;
    private final String succeedSql;
    private final String succeedAndCommitSql;

    public GenerationJobs(DataSource dataSource, CreditLedger ledger, Clock clock) {
        this(dataSource, ledger, clock, LowBalanceWatch.OFF);
    }

    /** @param lowBalance told of every spend, in the settlement's transaction, to mail owners whose credits run low */
    public GenerationJobs(DataSource dataSource, CreditLedger ledger, Clock clock, LowBalanceWatch lowBalance) {
        this.transactions = new JdbcTransactions(dataSource);
        this.ledger = ledger;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
        this.lowBalance = lowBalance;
        this.ledgerSql = ledger.statements();
        this.submitSql = SubmitSql.text(ledgerSql);
        this.submitInBatchSql = SubmitSql.text(ledgerSql, false);
        this.succeedSql = SettleSql.succeed(ledgerSql, false);
        this.succeedAndCommitSql = SettleSql.succeed(ledgerSql, true);
    }

    // ---------------------------------------------------------------- user side

    /**
     * Queues a generation and holds its price, in one transaction.
     *
     * <p>Checks, in this order: the idempotency key (a key this account used before for the same request returns that
     * job again, whatever its status, and holds nothing more); the concurrency limits, counting QUEUED and RUNNING
     * jobs; the balance. Submits of one tenant run one after another (a transaction-scoped advisory lock), so the
     * limits and the balance hold under any number of simultaneous requests.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}; scoped to the account
     * @param maxConcurrentPerUser jobs this account may have queued or running at once
     * @param maxConcurrentPerTenant jobs the whole tenant may have queued or running at once
     * @return the new job, QUEUED; or the earlier job with the same key
     * @throws IdempotencyConflictException the key was used for a different request
     * @throws ConcurrencyLimitException a limit is reached
     * @throws InsufficientCreditsException the balance is below the price
     */
    public Job submit(String tenantId, String accountId, NewJob job, String idempotencyKey, int maxConcurrentPerUser,
            int maxConcurrentPerTenant) {
        requireText(tenantId, "tenantId");
        requireText(accountId, "accountId");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String digest = digest(job);
        Job submitted = transactions.run("submitting a generation",
                connection -> submitted(connection, tenantId, accountId, job, idempotencyKey, digest,
                        maxConcurrentPerUser, maxConcurrentPerTenant));
        LOG.info("Generation {} of tenant {} account {}: {} (model {}, price {})", submitted.id(), tenantId,
                accountId, submitted.status(), submitted.modelId(), submitted.price());
        return submitted;
    }

    /**
     * Queues several generations (variations of one request) and holds each one's price, all in one transaction: all
     * of them are queued, or none. Each job is submitted as by {@link #submit}, in order, and sees the ones before it
     * in the limits and the balance.
     *
     * @param idempotencyKey the client's key, or {@code null}: the first job carries it, the n-th (from the second)
     *     carries it followed by {@code #n}, so the same key and request answer the same jobs again
     * @return the jobs, in the order of {@code batch}
     * @throws InsufficientCreditsException the balance is below the batch's total price; its {@code balance} and
     *     {@code price} are the balance before the batch and that total
     * @throws IdempotencyConflictException a key was used for a different request
     * @throws ConcurrencyLimitException the batch would pass a limit
     */
    public List<Job> submitAll(String tenantId, String accountId, List<NewJob> batch, String idempotencyKey,
            int maxConcurrentPerUser, int maxConcurrentPerTenant) {
        requireText(tenantId, "tenantId");
        requireText(accountId, "accountId");
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one job");
        }
        // Room for the "#n" the batch adds to the keys of its second and later jobs.
        int longestKey = MAX_KEY_LENGTH - ("#" + batch.size()).length();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > longestKey)) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to " + longestKey + " characters");
        }
        List<Job> submitted = transactions.run("submitting generations", connection -> {
            List<Job> made = new ArrayList<>();
            long heldBefore = 0;
            for (int i = 0; i < batch.size(); i++) {
                NewJob job = batch.get(i);
                String key = idempotencyKey == null || i == 0 ? idempotencyKey : idempotencyKey + "#" + (i + 1);
                try {
                    // The batch's size is part of each job's request: the same key asking for more or fewer
                    // variations is another request (409), not a replay that would add or drop some.
                    String digest = Sha256.hex(digest(job) + "/" + batch.size());
                    made.add(submitted(connection, submitInBatchSql, tenantId, accountId, job, key, digest,
                            maxConcurrentPerUser, maxConcurrentPerTenant));
                } catch (InsufficientCreditsException e) {
                    // Said for the whole batch: what the user had before it and what all of it costs.
                    throw new InsufficientCreditsException(e.balance() + heldBefore,
                            batch.stream().mapToLong(NewJob::price).sum());
                }
                heldBefore += job.price();
            }
            return made;
        });
        submitted.forEach(job -> LOG.info("Generation {} of tenant {} account {}: {} (model {}, price {}, one of {})",
                job.id(), tenantId, accountId, job.status(), job.modelId(), job.price(), batch.size()));
        return submitted;
    }

    /**
     * The submit as one train of statements committed in one round trip: the tenant's submit lock, the account's
     * ledger lock, then one statement that checks the idempotency key, the limits and the balance and writes the job
     * row and its hold only if all of them allow it (see {@link SubmitSql}), then the commit. Which check refused is
     * read from the same answer; a refused submit committed nothing.
     */
    private Job submitted(Connection connection, String tenantId, String accountId, NewJob job, String idempotencyKey,
            String digest, int maxConcurrentPerUser, int maxConcurrentPerTenant) throws SQLException {
        return submitted(connection, submitSql, tenantId, accountId, job, idempotencyKey, digest, maxConcurrentPerUser,
                maxConcurrentPerTenant);
    }

    private Job submitted(Connection connection, String sql, String tenantId, String accountId, NewJob job,
            String idempotencyKey, String digest, int maxConcurrentPerUser, int maxConcurrentPerTenant)
            throws SQLException {
        String id = "gen_" + ids.next().toString().replace("-", "");
        OffsetDateTime now = utc(clock.instant());
        try (PreparedStatement train = connection.prepareStatement(sql)) {
            int at = 1;
            train.setString(at++, "generation_job.submit:" + tenantId);
            at = ledgerSql.bindLock(train, at, tenantId, accountId);
            train.setString(at++, tenantId);
            train.setString(at++, accountId);
            train.setString(at++, idempotencyKey);
            train.setString(at++, accountId);
            train.setString(at++, tenantId);
            at = ledgerSql.bindSpendable(train, at, tenantId, accountId);
            train.setInt(at++, maxConcurrentPerUser);
            train.setInt(at++, maxConcurrentPerTenant);
            train.setLong(at++, job.price());
            train.setLong(at++, job.price());
            train.setString(at++, id);
            train.setString(at++, tenantId);
            train.setString(at++, accountId);
            train.setString(at++, job.modelId());
            train.setString(at++, job.prompt());
            train.setString(at++, job.negativePrompt());
            train.setString(at++, json(job.parameters()));
            train.setString(at++, json(job.inputIds()));
            train.setLong(at++, job.price());
            train.setInt(at++, job.maxAttempts());
            train.setObject(at++, job.runDeadline() == null ? null : job.runDeadline().toMillis());
            train.setString(at++, idempotencyKey);
            train.setString(at++, idempotencyKey == null ? null : digest);
            train.setObject(at++, now);
            train.setObject(at++, now);
            train.setInt(at++, job.priority());
            ledgerSql.bindHold(train, at, job.price());
            train.execute();
            return decided(connection, SubmitSql.answer(train), tenantId, accountId, job.price(), digest,
                    maxConcurrentPerUser, maxConcurrentPerTenant);
        }
    }

    /** The job the submit wrote, or the earlier one of its key, or the refusal of the first check that refused. */
    private static Job decided(Connection connection, ResultSet row, String tenantId, String accountId, long price,
            String digest, int perUser, int perTenant) throws SQLException {
        try (row) {
            row.next();
            if (row.getString(1) != null) {
                return job(row);
            }
            int at = SubmitSql.FIRST_CHECK_COLUMN;
            String earlier = row.getString(at);
            if (earlier != null) {
                if (!digest.equals(row.getString(at + 1))) {
                    throw new IdempotencyConflictException("This Idempotency-Key was already used for a different "
                            + "generation request; use a new key for a new request.");
                }
                return select(connection, "id = ?", earlier).orElseThrow();
            }
            if (row.getLong(at + 2) >= perUser) {
                throw new ConcurrencyLimitException(perUser, true);
            }
            if (row.getLong(at + 3) >= perTenant) {
                throw new ConcurrencyLimitException(perTenant, false);
            }
            long spendable = row.getLong(at + 4);
            if (price > 0 && spendable < price) {
                throw new InsufficientCreditsException(Math.max(0, spendable), price);
            }
            throw new SQLException("generation_job of tenant " + tenantId + " account " + accountId
                    + " was allowed but not written");
        }
    }

    /** The job if it belongs to this account of this tenant; empty for anyone else's job. */
    public Optional<Job> find(String tenantId, String accountId, String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return transactions.readOne("reading a generation", connection -> select(connection,
                "id = ? AND tenant_id = ? AND account_id = ?", jobId, tenantId, accountId));
    }

    /**
     * The account's jobs, newest first.
     *
     * @param limit page size, clamped to 1..{@value #MAX_PAGE}
     * @param cursor {@code null} for the first page, else a previous page's {@link JobPage#nextCursor()}
     * @throws IllegalArgumentException if the cursor is not one this method returned
     */
    public JobPage list(String tenantId, String accountId, int limit, String cursor) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        long after = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : decodeCursor(cursor);
        return transactions.run("listing generations", connection -> {
            List<Long> seqs = new ArrayList<>();
            List<Job> jobs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", seq"
                    + " FROM generation_job WHERE tenant_id = ? AND account_id = ? AND seq < ?"
                    + " ORDER BY seq DESC LIMIT ?")) {
                select.setString(1, tenantId);
                select.setString(2, accountId);
                select.setLong(3, after);
                select.setInt(4, size + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        jobs.add(job(rows));
                        seqs.add(rows.getLong("seq"));
                    }
                }
            }
            if (jobs.size() <= size) {
                return new JobPage(jobs, null);
            }
            return new JobPage(jobs.subList(0, size), encodeCursor(seqs.get(size - 1)));
        });
    }

    /**
     * Cancels the job for its owner. A QUEUED job becomes CANCELED and its credits are released at once; a RUNNING job
     * is marked {@link Job#cancelRequested()} and its worker ends it (and the release follows then); a final job is
     * left as it is.
     *
     * @return the job after the change; empty if the account has no such job
     */
    public Optional<Job> cancel(String tenantId, String accountId, String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return transactions.run("canceling a generation", connection -> {
            Optional<Job> found = selectForUpdate(connection, "id = ? AND tenant_id = ? AND account_id = ?", jobId,
                    tenantId, accountId);
            if (found.isEmpty()) {
                return found;
            }
            Job job = found.get();
            if (job.status() == JobStatus.QUEUED) {
                end(connection, job, JobStatus.CANCELED, null);
                LOG.info("Generation {} of tenant {} canceled while queued", jobId, tenantId);
            } else if (job.status() == JobStatus.RUNNING && !job.cancelRequested()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE generation_job SET cancel_requested = true WHERE id = ?")) {
                    update.setString(1, jobId);
                    update.executeUpdate();
                }
                LOG.info("Generation {} of tenant {}: cancel requested while running", jobId, tenantId);
            }
            return select(connection, "id = ?", jobId);
        });
    }

    /**
     * Deletes a final job of this account. The ledger keeps its entries (they name the job id as plain text).
     *
     * @return the deleted job, so the caller can delete its outputs from storage; empty if the account has no such job
     * @throws IllegalStateException if the job is still QUEUED or RUNNING: cancel it first
     */
    public Optional<Job> delete(String tenantId, String accountId, String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return transactions.run("deleting a generation", connection -> {
            Optional<Job> found = selectForUpdate(connection, "id = ? AND tenant_id = ? AND account_id = ?", jobId,
                    tenantId, accountId);
            if (found.isEmpty()) {
                return found;
            }
            if (!found.get().status().isFinal()) {
                throw new IllegalStateException("Generation " + jobId + " is " + found.get().status()
                        + "; cancel it and wait for it to end before deleting it.");
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM generation_job WHERE id = ? AND tenant_id = ? AND account_id = ?")) {
                delete.setString(1, jobId);
                delete.setString(2, tenantId);
                delete.setString(3, accountId);
                delete.executeUpdate();
            }
            LOG.info("Generation {} of tenant {} deleted", jobId, tenantId);
            return found;
        });
    }

    // ---------------------------------------------------------------- worker side (across tenants)

    /**
     * Takes the next QUEUED job for this worker, with no model limits: see {@link #claim(String, Duration,
     * ModelLimits)}.
     *
     * @return the claimed job, or empty when nothing is queued
     */
    public Optional<ClaimedJob> claim(String workerId, Duration lease) {
        return claim(workerId, lease, ModelLimits.NONE);
    }

    /**
     * Takes the next QUEUED job of any tenant for this worker: it becomes RUNNING, its attempt is counted, and the
     * worker holds it until {@code lease} from now unless it renews by {@link #heartbeat}. Which job is next follows
     * the lanes' rules (fair share between tenants, plan priority within a tenant, model limits across the cluster;
     * see {@link Lanes}). Workers calling at the same time, on any node, never get the same job, and never run more
     * jobs of a limited model than its limit.
     *
     * @param limits running jobs allowed per model across the cluster; every node should pass the same
     * @return the claimed job, or empty when no queued job may start now
     */
    public Optional<ClaimedJob> claim(String workerId, Duration lease, ModelLimits limits) {
        requireText(workerId, "workerId");
        requirePositive(lease);
        Objects.requireNonNull(limits, "limits");
        Set<String> full = new HashSet<>();
        // A round ends without a job when other workers locked every candidate first, or the chosen job's model
        // filled up meanwhile; the next round reads the lanes again (without that model).
        for (int round = 0; round < MAX_CLAIM_ROUNDS; round++) {
            ClaimRound result = transactions.run("claiming a generation",
                    connection -> claimRound(connection, workerId, lease, limits, full));
            if (result.claimed() != null || result.queueEmpty()) {
                return Optional.ofNullable(result.claimed());
            }
            if (result.fullModel() != null) {
                full.add(result.fullModel());
            }
        }
        return Optional.empty();
    }

    private ClaimRound claimRound(Connection connection, String workerId, Duration lease, ModelLimits limits,
            Set<String> full) throws SQLException {
        Optional<Lanes.Locked> locked = Lanes.lockBest(connection, limits, full);
        if (locked.isEmpty()) {
            // Nothing to start, or other workers locked every candidate this instant: then the next round.
            return new ClaimRound(null, null, !Lanes.anyCandidate(connection, limits, full));
        }
        String modelId = locked.get().modelId();
        OptionalInt limit = limits.of(modelId);
        if (limit.isPresent() && !Lanes.hasRoom(connection, modelId, limit.getAsInt())) {
            return new ClaimRound(null, modelId, false);
        }
        String id = locked.get().id();
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(lease);
        Job job;
        // One round trip: the commit that needs no disk flush (see commitWithoutWaitingForTheDisk), the update, and
        // the commit itself, which leaves the caller's commit nothing to do.
        try (PreparedStatement update = connection.prepareStatement(CLAIM_AND_COMMIT_SQL)) {
            update.setObject(1, utc(now));
            update.setString(2, workerId);
            update.setObject(3, utc(leaseEnd));
            update.setString(4, id);
            update.execute();
            try (ResultSet row = SettleSql.nextRows(update)) {
                if (!row.next()) {
                    throw new SQLException("generation_job " + id + " was locked as QUEUED but not updated");
                }
                job = job(row);
            }
        }
        LOG.info("Generation {} of tenant {} claimed by worker {} (attempt {}, model {})", id, job.tenantId(),
                workerId, job.attempts(), modelId);
        return new ClaimRound(new ClaimedJob(job, workerId, leaseEnd), null, false);
    }

    /**
     * Lets this transaction's commit return before its record is flushed to disk. Only for a claim or a heartbeat:
     * losing one in a database crash is the same as a worker that stopped (its lease runs out and the job is queued
     * again, or the later settlement finds the job no longer its own), and nothing they write moves credits. The
     * settlement's own commit waits for the disk, and with it for every record before it. What it saves is one flush
     * (milliseconds on a virtual disk) on the path from submit to result, and one per progress report.
     */
    private static void commitWithoutWaitingForTheDisk(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("SET LOCAL synchronous_commit = off");
        }
    }

    /** One claim transaction's outcome: a job, or a model found full, or nothing at all queued that may start. */
    private record ClaimRound(ClaimedJob claimed, String fullModel, boolean queueEmpty) {
    }

    /**
     * Renews the worker's lease to {@code lease} from now and records its progress. A lease that ran out but was not
     * yet taken back by the sweeper is renewed too: the job is still the worker's.
     *
     * @param progress 0 to 100 (clamped)
     * @param stage what the worker is doing, in words for a person, or {@code null}
     * @return whether the worker still owns the job, and whether its owner asked to cancel it
     */
    public Heartbeat heartbeat(String jobId, String workerId, Duration lease, int progress, String stage) {
        requirePositive(lease);
        return transactions.run("recording a generation's progress", connection -> {
            commitWithoutWaitingForTheDisk(connection);
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE generation_job SET lease_expires_at = ?, progress = ?, stage = ?
                     WHERE id = ? AND worker_id = ? AND status = 'RUNNING'
                    RETURNING cancel_requested""")) {
                update.setObject(1, utc(clock.instant().plus(lease)));
                update.setInt(2, Math.max(0, Math.min(100, progress)));
                update.setString(3, stage);
                update.setString(4, jobId);
                update.setString(5, workerId);
                try (ResultSet row = update.executeQuery()) {
                    return row.next() ? new Heartbeat(true, row.getBoolean(1)) : new Heartbeat(false, false);
                }
            }
        });
    }

    /**
     * The worker finished the job: it becomes SUCCEEDED with these outputs and progress 100, and its hold is captured.
     *
     * @return false if the worker no longer owns the job (nothing is changed; the caller should delete the outputs it
     *     stored)
     */
    public boolean succeed(String jobId, String workerId, List<Output> outputs) {
        return succeed(null, jobId, workerId, outputs, null);
    }

    /**
     * {@link #succeed(String, String, List)} of a job of {@code tenantId}: where that tenant's spends are not watched
     * for low balances, the settlement (the job's final state, its capture and the capture's spend from the grants)
     * commits in the one round trip that writes it.
     *
     * @param tenantId the job's tenant, or {@code null} if the caller does not know it
     * @param finalStage the last stage the model reported, kept as the finished job's {@code stage} in place of
     *     whatever the last heartbeat wrote; {@code null} when the model reported none
     */
    public boolean succeed(String tenantId, String jobId, String workerId, List<Output> outputs, String finalStage) {
        return succeeded(tenantId, jobId, workerId, outputs, finalStage).isPresent();
    }

    /**
     * {@link #succeed(String, String, String, List, String)}, answering the job as its settlement left it (read in the
     * same statement), so that whoever follows it here needs no read of its own.
     *
     * @return the finished job, or empty if the worker no longer owns it (nothing is changed)
     */
    public Optional<Job> succeeded(String tenantId, String jobId, String workerId, List<Output> outputs,
            String finalStage) {
        List<Output> produced = outputs == null ? List.of() : List.copyOf(outputs);
        boolean commitInTrain = tenantId != null && !lowBalance.watches(tenantId);
        return transactions.run("recording a finished generation", connection -> {
            String captureId = ledgerSql.newEntryId();
            try (PreparedStatement train = connection.prepareStatement(
                    commitInTrain ? succeedAndCommitSql : succeedSql)) {
                // The update checks that this worker still owns the job, so no locking read is needed before it.
                train.setString(1, finalStage);
                train.setString(2, json(produced));
                train.setObject(3, utc(clock.instant()));
                train.setString(4, jobId);
                train.setString(5, workerId);
                int at = ledgerSql.bindSettle(train, 6, captureId, LedgerEntry.Kind.CAPTURE, jobId);
                ledgerSql.bindSpend(train, at, captureId);
                train.execute();
                Job finished;
                Optional<LedgerEntry> spent;
                try (ResultSet row = SettleSql.nextRows(train)) {
                    if (!row.next()) {
                        return Optional.<Job>empty();
                    }
                    finished = job(row);
                    spent = ledgerSql.entry(row, COLUMN_COUNT + 1);
                }
                String settledTenant = finished.tenantId();
                long left = spent.map(LedgerEntry::amount).orElse(0L)
                        - ledgerSql.spent(SettleSql.followingRows(train));
                if (left > 0) {
                    // Cannot happen while every hold is checked against the balance under the account lock; say so
                    // loudly rather than fail the user's finished generation.
                    LOG.error("Capture of job {} (tenant {}) found {} credits fewer in grants than it held", jobId,
                            settledTenant, left);
                }
                if (spent.isPresent() && !commitInTrain) {
                    // The only place credits are spent: the low-balance email is judged here, beside the capture.
                    lowBalance.spent(connection, spent.get());
                }
                LOG.info("Generation {} of tenant {} succeeded with {} outputs", jobId, settledTenant,
                        produced.size());
                return Optional.of(finished);
            }
        });
    }

    /**
     * The worker could not finish the job. If the failure is {@code retryable} and the job has attempts left (and its
     * owner did not ask to cancel), it goes back to the queue with its credits still held; otherwise it becomes FAILED
     * with {@code reasonForPerson} and its credits are released (CANCELED instead, if cancellation was requested).
     *
     * @param reasonForPerson why, in words the user can read; never a stack trace or a vendor's raw error
     * @return false if the worker no longer owns the job (nothing is changed)
     */
    public boolean fail(String jobId, String workerId, String reasonForPerson, boolean retryable) {
        return whileOwned("recording a failed generation", jobId, workerId, (connection, job) -> {
            if (job.cancelRequested()) {
                end(connection, job, JobStatus.CANCELED, null);
            } else if (retryable && job.attempts() < maxAttempts(connection, jobId)) {
                requeue(connection, job, reasonForPerson);
                LOG.info("Generation {} of tenant {} failed attempt {}; queued again", jobId, job.tenantId(),
                        job.attempts());
            } else {
                end(connection, job, JobStatus.FAILED, reasonForPerson);
                LOG.info("Generation {} of tenant {} failed after {} attempts", jobId, job.tenantId(),
                        job.attempts());
            }
        });
    }

    /**
     * The worker stopped the job because its owner asked to cancel: it becomes CANCELED and its credits are released.
     *
     * @return false if the worker no longer owns the job (nothing is changed)
     */
    public boolean canceled(String jobId, String workerId) {
        return whileOwned("recording a canceled generation", jobId, workerId, (connection, job) -> {
            end(connection, job, JobStatus.CANCELED, null);
            LOG.info("Generation {} of tenant {} canceled by its worker", jobId, job.tenantId());
        });
    }

    /**
     * The worker's node is stopping before the job could finish: the job goes back to the queue at once, its credits
     * still held, and the attempt it was on is not counted, since the job did not fail; another node, or this one
     * once started again, takes it from the start. A job whose owner asked to cancel becomes CANCELED instead.
     *
     * @return false if the worker no longer owns the job (nothing is changed)
     */
    public boolean handBack(String jobId, String workerId) {
        return whileOwned("handing back a generation", jobId, workerId, (connection, job) -> {
            if (job.cancelRequested()) {
                end(connection, job, JobStatus.CANCELED, null);
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE generation_job
                       SET status = 'QUEUED', attempts = GREATEST(attempts - 1, 0), progress = 0, stage = NULL,
                           queued_at = ?, worker_id = NULL, lease_expires_at = NULL
                     WHERE id = ?""")) {
                update.setObject(1, utc(clock.instant()));
                update.setString(2, jobId);
                update.executeUpdate();
            }
            LOG.info("Generation {} of tenant {} handed back to the queue as its node stops (attempt {} not counted)",
                    jobId, job.tenantId(), job.attempts());
        });
    }

    /** A change a worker makes to a job it owns, inside the transaction that checked the ownership. */
    @FunctionalInterface
    private interface OwnedChange {
        void apply(Connection connection, Job job) throws SQLException;
    }

    /**
     * Runs {@code change} on the job in one transaction if {@code workerId} still owns it.
     *
     * @return false if the worker no longer owns the job (nothing is changed)
     */
    private boolean whileOwned(String what, String jobId, String workerId, OwnedChange change) {
        return transactions.run(what, connection -> {
            Optional<Job> owned = owned(connection, jobId, workerId);
            if (owned.isEmpty()) {
                return false;
            }
            change.apply(connection, owned.get());
            return true;
        });
    }

    /**
     * Settles what nobody else will: RUNNING jobs whose lease ran out go back to the queue with their credits held if
     * they have attempts left, else become FAILED ({@value #LOST_WORKER_REASON}) with their credits released (CANCELED,
     * if their owner asked to cancel); QUEUED jobs that have waited longer than {@code queuedExpiry} since they last
     * entered the queue become EXPIRED with their credits released.
     *
     * <p>Safe on several nodes at once: each job is taken in its own short transaction with {@code FOR UPDATE SKIP
     * LOCKED}, so two sweepers never handle the same job and never wait on each other.
     *
     * @return how many jobs it changed (queued again, failed, canceled or expired)
     */
    public int sweep(Duration queuedExpiry) {
        requirePositive(queuedExpiry);
        int changed = 0;
        while (transactions.run("taking back a generation whose worker stopped", this::sweepOneLease)) {
            changed++;
        }
        while (transactions.run("expiring a queued generation",
                connection -> sweepOneQueued(connection, queuedExpiry))) {
            changed++;
        }
        if (changed > 0) {
            LOG.info("Sweep settled {} generations", changed);
        }
        return changed;
    }

    /** The job by id, whatever its tenant: for workers, the sweeper and server-side progress streams only. */
    public Optional<Job> findById(String jobId) {
        if (jobId == null) {
            return Optional.empty();
        }
        return transactions.readOne("reading a generation", connection -> select(connection, "id = ?", jobId));
    }

    // ---------------------------------------------------------------- internals

    private boolean sweepOneLease(Connection connection) throws SQLException {
        Optional<Job> lost = selectForUpdateSkipLocked(connection,
                "status = 'RUNNING' AND lease_expires_at < ? ORDER BY lease_expires_at", utc(clock.instant()));
        if (lost.isEmpty()) {
            return false;
        }
        Job job = lost.get();
        if (job.cancelRequested()) {
            end(connection, job, JobStatus.CANCELED, null);
        } else if (job.attempts() < maxAttempts(connection, job.id())) {
            requeue(connection, job, null);
            LOG.warn("Generation {} of tenant {} lost its worker on attempt {}; queued again", job.id(),
                    job.tenantId(), job.attempts());
        } else {
            end(connection, job, JobStatus.FAILED, LOST_WORKER_REASON);
            LOG.warn("Generation {} of tenant {} lost its worker on its last attempt; failed", job.id(),
                    job.tenantId());
        }
        return true;
    }

    private boolean sweepOneQueued(Connection connection, Duration queuedExpiry) throws SQLException {
        Optional<Job> stale = selectForUpdateSkipLocked(connection,
                "status = 'QUEUED' AND queued_at < ? ORDER BY created_at, seq",
                utc(clock.instant().minus(queuedExpiry)));
        if (stale.isEmpty()) {
            return false;
        }
        end(connection, stale.get(), JobStatus.EXPIRED, EXPIRED_REASON);
        LOG.info("Generation {} of tenant {} expired in the queue", stale.get().id(), stale.get().tenantId());
        return true;
    }

    /** Moves a locked job to a final status other than SUCCEEDED and releases its credits. */
    private void end(Connection connection, Job job, JobStatus status, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE generation_job
                   SET status = ?, error = ?, finished_at = ?, worker_id = NULL, lease_expires_at = NULL, stage = NULL
                 WHERE id = ?""")) {
            update.setString(1, status.name());
            update.setString(2, error);
            update.setObject(3, utc(clock.instant()));
            update.setString(4, job.id());
            update.executeUpdate();
        }
        ledger.release(connection, job.tenantId(), job.id());
    }

    /** Puts a locked RUNNING job back in the queue; its hold stays. */
    private void requeue(Connection connection, Job job, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE generation_job
                   SET status = 'QUEUED', error = ?, progress = 0, stage = NULL, queued_at = ?, worker_id = NULL,
                       lease_expires_at = NULL
                 WHERE id = ?""")) {
            update.setString(1, error);
            update.setObject(2, utc(clock.instant()));
            update.setString(3, job.id());
            update.executeUpdate();
        }
    }

    /** The job locked, if it is RUNNING and this worker holds it. */
    private Optional<Job> owned(Connection connection, String jobId, String workerId) throws SQLException {
        return selectForUpdate(connection, "id = ? AND worker_id = ? AND status = 'RUNNING'", jobId, workerId);
    }

    private static int maxAttempts(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT max_attempts FROM generation_job WHERE id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Optional<Job> select(Connection connection, String where, Object... parameters)
            throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM generation_job WHERE " + where, parameters);
    }

    private static Optional<Job> selectForUpdate(Connection connection, String where, Object... parameters)
            throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM generation_job WHERE " + where + " FOR UPDATE",
                parameters);
    }

    /** {@code whereAndOrder} may end in ORDER BY; one row is taken. */
    private static Optional<Job> selectForUpdateSkipLocked(Connection connection, String whereAndOrder,
            Object... parameters) throws SQLException {
        return query(connection, "SELECT " + COLUMNS + " FROM generation_job WHERE " + whereAndOrder
                + " LIMIT 1 FOR UPDATE SKIP LOCKED", parameters);
    }

    private static Optional<Job> query(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(job(row)) : Optional.empty();
            }
        }
    }

    private static Job job(ResultSet row) throws SQLException {
        return new Job(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), read(row.getString(7), PARAMETERS), read(row.getString(8), INPUTS),
                JobStatus.valueOf(row.getString(9)), row.getInt(10), row.getString(11), row.getString(12),
                row.getLong(13), row.getInt(14), row.getBoolean(15), instant(row, 16), instant(row, 17),
                instant(row, 18), read(row.getString(19), OUTPUTS),
                row.getObject(20) == null ? null : Duration.ofMillis(row.getLong(20)));
    }

    /** SHA-256 of what the user asked for, in a canonical JSON form (map keys sorted). */
    private static String digest(NewJob job) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model_id", job.modelId());
        request.put("prompt", job.prompt());
        request.put("negative_prompt", job.negativePrompt());
        request.put("parameters", job.parameters());
        request.put("input_ids", job.inputIds());
        return Sha256.hex(json(request));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("generation_job holds JSON this build cannot read: " + e.getOriginalMessage(), e);
        }
    }

    private static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("j" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("j")) {
                throw new IllegalArgumentException("Not a generation list cursor");
            }
            return Long.parseLong(text.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cursor is not valid; start again without one.", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requirePositive(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The duration must be positive, was " + duration);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
