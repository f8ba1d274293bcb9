-- Credits and generation jobs. Both are written with plain JDBC in explicit transactions (row locks, SKIP LOCKED), not
-- through JPA, so every statement and lock is visible in the code that takes it.
--
-- account_id columns here carry no foreign key to account, on purpose: erasing a person anonymizes the ledger rather
-- than deleting it (financial records are kept), and generation jobs are erased by the generations module, which also
-- deletes their stored images; a cascade would drop the rows and leave the images behind.

-- One row per account that ever had a credit movement, created on demand. It holds no balance: it exists to be
-- locked (SELECT ... FOR UPDATE) so that balance-changing writes of one account run one after another, and a balance
-- read under that lock stays true until the transaction ends.
CREATE TABLE credit_account (
    tenant_id  text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);

-- The append-only credit ledger; rows are never updated or deleted. A balance is derived from it: the unexpired
-- remainders of GRANTs (amount minus what credit_spend took from them) minus the HOLDs not yet followed by a CAPTURE
-- or RELEASE of the same job. amount is always positive; kind says which way it moves. job_id is plain text without
-- a foreign key, so the ledger outlives a deleted job. idempotency_key names the movement ("grant:<caller key>",
-- "hold:<job id>", "capture:<job id>", "release:<job id>"); the unique constraint makes a retried write a no-op, so a
-- job's credits can never be captured or released twice. seq orders entries written within one clock tick.
CREATE TABLE credit_entry (
    id              text        PRIMARY KEY,
    seq             bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id       text        NOT NULL,
    account_id      text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('GRANT', 'HOLD', 'CAPTURE', 'RELEASE')),
    amount          bigint      NOT NULL CHECK (amount > 0),
    reason          text,
    job_id          text,
    idempotency_key text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz,
    CONSTRAINT credit_entry_key_per_tenant UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT credit_entry_account FOREIGN KEY (tenant_id, account_id)
        REFERENCES credit_account (tenant_id, account_id) ON DELETE CASCADE,
    CONSTRAINT credit_entry_expiry_only_on_grants CHECK (expires_at IS NULL OR kind = 'GRANT'),
    CONSTRAINT credit_entry_job_on_job_kinds CHECK ((kind = 'GRANT') = (job_id IS NULL))
);

CREATE INDEX credit_entry_by_account ON credit_entry (tenant_id, account_id, kind);
CREATE INDEX credit_entry_by_job ON credit_entry (tenant_id, job_id) WHERE job_id IS NOT NULL;

-- Which grants a CAPTURE consumed, and how much of each: soonest-expiring unexpired grants first, never-expiring ones
-- last. Append-only like the ledger; a grant's remainder is its amount minus its spends.
CREATE TABLE credit_spend (
    tenant_id        text   NOT NULL,
    account_id       text   NOT NULL,
    capture_entry_id text   NOT NULL REFERENCES credit_entry (id) ON DELETE CASCADE,
    grant_entry_id   text   NOT NULL REFERENCES credit_entry (id) ON DELETE CASCADE,
    amount           bigint NOT NULL CHECK (amount > 0),
    PRIMARY KEY (capture_entry_id, grant_entry_id)
);

CREATE INDEX credit_spend_by_grant ON credit_spend (tenant_id, account_id, grant_entry_id);

-- Generation jobs, the queue workers take work from. A job is QUEUED until a worker claims it (FOR UPDATE SKIP
-- LOCKED) and it becomes RUNNING under a lease (worker_id, lease_expires_at) the worker renews by heartbeat; a lease
-- that runs out lets the sweeper queue the job again or fail it. SUCCEEDED, FAILED, CANCELED and EXPIRED are final.
-- queued_at is when the job last entered the queue (submit or retry), what queue expiry counts from.
-- parameters, input_ids and outputs are JSON. idempotency_key and request_digest (SHA-256 of the request) let a
-- retried submit return the job it created instead of a second one. seq orders a user's history and is the cursor.
CREATE TABLE generation_job (
    id               text        PRIMARY KEY,
    seq              bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id        text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id       text        NOT NULL,
    model_id         text        NOT NULL,
    prompt           text        NOT NULL,
    negative_prompt  text,
    parameters       jsonb       NOT NULL,
    input_ids        jsonb       NOT NULL,
    status           text        NOT NULL
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELED', 'EXPIRED')),
    progress         integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage            text,
    error            text,
    price            bigint      NOT NULL CHECK (price >= 0),
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL CHECK (max_attempts >= 1),
    run_deadline_ms  bigint,
    cancel_requested boolean     NOT NULL DEFAULT false,
    worker_id        text,
    lease_expires_at timestamptz,
    idempotency_key  text,
    request_digest   text,
    outputs          jsonb       NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL,
    queued_at        timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    CONSTRAINT generation_job_key_per_account UNIQUE (tenant_id, account_id, idempotency_key),
    CONSTRAINT generation_job_lease_when_running
        CHECK ((status = 'RUNNING') = (worker_id IS NOT NULL AND lease_expires_at IS NOT NULL))
);

-- A user's history, newest first.
CREATE INDEX generation_job_by_account ON generation_job (tenant_id, account_id, seq DESC);
-- Only waiting and running jobs are scanned by workers, the sweeper and the concurrency limits.
CREATE INDEX generation_job_queued ON generation_job (created_at, seq) WHERE status = 'QUEUED';
CREATE INDEX generation_job_leases ON generation_job (lease_expires_at) WHERE status = 'RUNNING';
CREATE INDEX generation_job_active ON generation_job (tenant_id, account_id) WHERE status IN ('QUEUED', 'RUNNING');
