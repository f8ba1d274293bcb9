-- Messages vendors POST about a running job (webhooks), kept until the job's worker reads them. Any node may receive
-- one; the worker, maybe on another node, reads them in arrival order (seq). A vendor repeating a message (same
-- webhook-id, or the same body when there is none) is stored once. Signatures are the model plugin's to check.
CREATE TABLE generation_callback (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      text        NOT NULL REFERENCES generation_job (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    delivery_id text        NOT NULL,
    headers     jsonb       NOT NULL,
    body        bytea       NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT generation_callback_once UNIQUE (job_id, attempt, delivery_id)
);

CREATE INDEX generation_callback_by_age ON generation_callback (received_at);
