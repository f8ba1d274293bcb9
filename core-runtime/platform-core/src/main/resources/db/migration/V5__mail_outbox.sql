-- Transactional email waiting to be sent, and the record of what was sent. Platform-wide: tenant_id is the sending
-- tenant (for logs and clean-up) or NULL for platform mail, and is no foreign key so mail history outlives a tenant.
-- A message is pending while sent_at and failed_at are both NULL; senders take due ones with FOR UPDATE SKIP LOCKED.
CREATE TABLE mail_outbox (
    id               uuid        PRIMARY KEY,
    tenant_id        text,
    idempotency_key  text        NOT NULL UNIQUE,
    from_name        text        NOT NULL,
    from_address     text        NOT NULL,
    to_address       text        NOT NULL,
    subject          text        NOT NULL,
    text_body        text        NOT NULL,
    html_body        text,
    created_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    sent_at          timestamptz,
    failed_at        timestamptz
);

-- Only pending rows are ever scanned for due work; sent and failed mail drops out of this index.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
