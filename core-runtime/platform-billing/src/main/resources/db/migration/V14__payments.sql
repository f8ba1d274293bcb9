-- Payments: who a tenant's payment provider knows as a customer, the checkouts people start, their subscriptions,
-- the payments that arrived, and every provider event received. Written with plain JDBC in explicit transactions, each
-- event under the paying account's credit lock (credit_account), so a payment's record and the credits it grants
-- commit together or not at all.
--
-- account_id columns carry no foreign key to account, as in the ledger: financial records outlive an erased person.

-- The provider's customer for an account. Created when the account first checks out; the provider is asked with the
-- account id as its idempotency key, so two simultaneous first checkouts end with one customer.
CREATE TABLE billing_customer (
    tenant_id            text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    provider             text        NOT NULL,
    account_id           text        NOT NULL,
    provider_customer_id text        NOT NULL,
    created_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, provider, account_id),
    CONSTRAINT billing_customer_once UNIQUE (tenant_id, provider, provider_customer_id)
);

-- A checkout someone started: what they buy, frozen at that moment (a price change later does not change what this
-- checkout grants). OPEN until the provider says it was paid (PAID) or not (FAILED); EXPIRED when left alone.
CREATE TABLE billing_checkout (
    id                   text        PRIMARY KEY,
    tenant_id            text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id           text        NOT NULL,
    provider             text        NOT NULL,
    offer_id             text        NOT NULL,
    offer_name           text        NOT NULL,
    billing_interval     text        NOT NULL CHECK (billing_interval IN ('ONCE', 'MONTH', 'YEAR')),
    amount_minor         bigint      NOT NULL CHECK (amount_minor > 0),
    currency             text        NOT NULL,
    credits              bigint      NOT NULL CHECK (credits >= 0),
    status               text        NOT NULL CHECK (status IN ('OPEN', 'PAID', 'FAILED', 'EXPIRED')),
    provider_checkout_id text,
    provider_customer_id text,
    url                  text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX billing_checkout_by_account ON billing_checkout (tenant_id, account_id, created_at DESC);
CREATE INDEX billing_checkout_open ON billing_checkout (created_at) WHERE status = 'OPEN';

-- A subscription to a plan. changed_at is when the provider made the last change applied here, so a late event that
-- is older than what is recorded changes nothing; CANCELED is final.
CREATE TABLE billing_subscription (
    id                       text        PRIMARY KEY,
    tenant_id                text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id               text        NOT NULL,
    provider                 text        NOT NULL,
    provider_subscription_id text        NOT NULL,
    offer_id                 text        NOT NULL,
    status                   text        NOT NULL CHECK (status IN ('ACTIVE', 'PAST_DUE', 'CANCELED')),
    period_start             timestamptz,
    period_end               timestamptz,
    cancel_at_period_end     boolean     NOT NULL DEFAULT false,
    changed_at               timestamptz NOT NULL,
    created_at               timestamptz NOT NULL,
    CONSTRAINT billing_subscription_once UNIQUE (tenant_id, provider, provider_subscription_id)
);

CREATE INDEX billing_subscription_by_account ON billing_subscription (tenant_id, account_id, created_at DESC);

-- Money that arrived: one row per provider payment (a top-up, or one period of a subscription), with the credits it
-- granted (grant_entry_id in credit_entry). The unique provider payment id is what makes a payment count once, whether
-- its webhook comes twice or the reconciler finds it too.
CREATE TABLE billing_payment (
    id                  text        PRIMARY KEY,
    tenant_id           text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id          text        NOT NULL,
    provider            text        NOT NULL,
    provider_payment_id text        NOT NULL,
    checkout_id         text        REFERENCES billing_checkout (id),
    subscription_id     text        REFERENCES billing_subscription (id),
    offer_id            text        NOT NULL,
    description         text        NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor >= 0),
    currency            text        NOT NULL,
    credits             bigint      NOT NULL CHECK (credits >= 0),
    period_start        timestamptz,
    period_end          timestamptz,
    grant_entry_id      text,
    refunded_minor      bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    paid_at             timestamptz NOT NULL,
    CONSTRAINT billing_payment_once UNIQUE (tenant_id, provider, provider_payment_id)
);

CREATE INDEX billing_payment_by_account ON billing_payment (tenant_id, account_id, paid_at DESC);
CREATE INDEX billing_payment_by_tenant ON billing_payment (tenant_id, paid_at DESC);

-- Every event a provider sent (or the reconciler found), once: a second delivery of the same id is answered and
-- changes nothing. outcome says what applying it did; UNMATCHED events (a customer or subscription the platform does not
-- know) are kept with their content for an operator to look at, not lost.
CREATE TABLE billing_event (
    tenant_id   text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('APPLIED', 'NO_CHANGE', 'UNMATCHED')),
    detail      text        NOT NULL,
    content     jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, provider, event_id)
);

CREATE INDEX billing_event_unmatched ON billing_event (tenant_id, received_at) WHERE outcome = 'UNMATCHED';
