-- Refunds and disputes take credits back. A REVERSAL entry spends from grants like a capture (its credit_spend rows
-- name it in capture_entry_id) but belongs to no job: the credits a refund or a lost dispute takes back, or the part
-- of a new grant that settles what the account owed. What could not be taken back at the time (already spent) is the
-- account's shortfall: new generations wait while it is above zero, and the next grants settle it first.
ALTER TABLE credit_entry DROP CONSTRAINT credit_entry_kind_check;
ALTER TABLE credit_entry ADD CONSTRAINT credit_entry_kind_check
    CHECK (kind IN ('GRANT', 'HOLD', 'CAPTURE', 'RELEASE', 'REVERSAL'));
ALTER TABLE credit_entry DROP CONSTRAINT credit_entry_job_on_job_kinds;
ALTER TABLE credit_entry ADD CONSTRAINT credit_entry_job_on_job_kinds
    CHECK ((kind IN ('GRANT', 'REVERSAL')) = (job_id IS NULL));

ALTER TABLE credit_account ADD COLUMN shortfall bigint NOT NULL DEFAULT 0 CHECK (shortfall >= 0);

-- A refund of all or part of a payment: asked for by an admin (requested_by) or made at the provider directly (then
-- created from its event). credits_reversed and shortfall say what it did to the ledger once it SUCCEEDED.
CREATE TABLE billing_refund (
    id                 text        PRIMARY KEY,
    tenant_id          text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    payment_id         text        NOT NULL REFERENCES billing_payment (id),
    provider_refund_id text,
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    credits_reversed   bigint      NOT NULL DEFAULT 0,
    shortfall          bigint      NOT NULL DEFAULT 0,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    reason             text        NOT NULL,
    requested_by       text,
    created_at         timestamptz NOT NULL,
    settled_at         timestamptz,
    CONSTRAINT billing_refund_once UNIQUE (tenant_id, provider_refund_id)
);

CREATE INDEX billing_refund_by_payment ON billing_refund (tenant_id, payment_id);

-- A dispute of a payment by the payer's bank: while OPEN the payment's unspent credits are frozen (taken out by a
-- REVERSAL); WON gives them back, LOST keeps them and owes what had been spent.
CREATE TABLE billing_dispute (
    tenant_id           text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    provider            text        NOT NULL,
    provider_dispute_id text        NOT NULL,
    payment_id          text        NOT NULL REFERENCES billing_payment (id),
    status              text        NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
    credits_frozen      bigint      NOT NULL DEFAULT 0,
    opened_at           timestamptz NOT NULL,
    closed_at           timestamptz,
    PRIMARY KEY (tenant_id, provider, provider_dispute_id)
);
