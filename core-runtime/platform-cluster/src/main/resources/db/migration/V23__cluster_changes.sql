-- Cluster events that must not be lost: each node applies the changes numbered after the last one it saw when it
-- reconnects to Redis or PostgreSQL (the messages themselves are not kept by either).
CREATE TABLE cluster_change (
    seq         bigserial   PRIMARY KEY,
    origin      text        NOT NULL,
    kind        text        NOT NULL,
    payload     text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX cluster_change_recorded_at ON cluster_change (recorded_at);

-- One id per database: the Redis channel is named after it, so two installations sharing one Redis never hear
-- each other's events.
CREATE TABLE cluster_identity (
    id   text    PRIMARY KEY,
    one  boolean NOT NULL DEFAULT true UNIQUE CHECK (one)
);

INSERT INTO cluster_identity (id) VALUES (replace(gen_random_uuid()::text, '-', ''));
