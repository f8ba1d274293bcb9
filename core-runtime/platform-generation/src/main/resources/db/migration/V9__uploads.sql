-- Inputs users upload for generations (image-to-image, video models). The object lives in the tenant's storage
-- plugin under storage_key (always below the tenant's id); this row makes it the owner's, and only the owner's.
-- An upload no job used is deleted at expires_at; one a job used is kept with the job (expires_at = infinity).
CREATE TABLE upload (
    id          text        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id  text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    storage_key text        NOT NULL,
    media_kind  text        NOT NULL CHECK (media_kind IN ('IMAGE', 'VIDEO')),
    media_type  text        NOT NULL,
    size        bigint      NOT NULL CHECK (size > 0),
    width       integer     NOT NULL,
    height      integer     NOT NULL,
    duration_ms bigint,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX upload_by_owner ON upload (tenant_id, account_id);
CREATE INDEX upload_by_expiry ON upload (expires_at);
