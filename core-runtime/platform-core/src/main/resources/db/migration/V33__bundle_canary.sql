-- Canaries of plugin bundles, for the whole cluster: a new jar of a bundle that runs beside its current version on every
-- node and serves one tenant and/or a share of the jobs until an operator promotes it (it becomes the bundle's newest
-- revision in bundle_revision) or it is rolled back, by hand or automatically when its error rate passes the threshold.
-- A bundle has at most one running canary (ended_at IS NULL); ended ones are kept as the record of what happened.
CREATE TABLE bundle_canary (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbolic_name text        NOT NULL,
    version       text        NOT NULL,
    sha256        text        NOT NULL,
    content       bytea,
    tenant_id     text,
    percent       integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
    started_at    timestamptz NOT NULL,
    started_by    text        NOT NULL,
    ended_at      timestamptz,
    outcome       text,
    CHECK (tenant_id IS NOT NULL OR percent > 0),
    -- A running canary has its jar; an ended one drops it and says how it ended.
    CHECK ((ended_at IS NULL) = (outcome IS NULL) AND (ended_at IS NULL) = (content IS NOT NULL))
);

CREATE UNIQUE INDEX bundle_canary_running ON bundle_canary (symbolic_name) WHERE ended_at IS NULL;
CREATE INDEX bundle_canary_history ON bundle_canary (symbolic_name, id DESC);
