-- Identities at external sign-in providers (Google...). subject is the provider's stable id of the user (OpenID
-- Connect "sub"), never the email, which users can change there. email is what the provider reported when the
-- identity was linked, kept only to show on the account page. An identity belongs to one account of one tenant: the
-- same Google user at two tenants is two unrelated identities.
CREATE TABLE account_identity (
    id         text        PRIMARY KEY,
    tenant_id  text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    email      text,
    created_at timestamptz NOT NULL,
    CONSTRAINT account_identity_per_tenant UNIQUE (tenant_id, provider, subject)
);

CREATE INDEX account_identity_by_account ON account_identity (tenant_id, account_id);

-- Email changes are confirmed through a token mailed to the new address; the token row carries that address (already
-- normalized), so the link alone says which email to switch to. Only CHANGE_EMAIL tokens have one.
ALTER TABLE account_token ADD COLUMN new_email text;
ALTER TABLE account_token DROP CONSTRAINT account_token_purpose_check;
ALTER TABLE account_token ADD CONSTRAINT account_token_purpose_check
    CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'));
ALTER TABLE account_token ADD CONSTRAINT account_token_new_email_only_for_change
    CHECK ((purpose = 'CHANGE_EMAIL') = (new_email IS NOT NULL));

-- Admins of a tenant's admin area, granted by operators (atelier tenants add-admin). Keyed by normalized email rather
-- than account: a grant may precede the sign-up, and it counts only once the account's email is verified. The
-- tenant.yaml `admins` list grants the same without a row here.
CREATE TABLE tenant_admin (
    tenant_id  text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    email      text        NOT NULL,
    granted_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, email)
);

-- Which version of which legal document (terms, privacy) an account accepted, and when. Rows are only added: a new
-- version accepted is a new row, so the history stays provable.
CREATE TABLE account_consent (
    id          text        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    account_id  text        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    document    text        NOT NULL,
    version     text        NOT NULL,
    accepted_at timestamptz NOT NULL
);

CREATE INDEX account_consent_by_account ON account_consent (tenant_id, account_id);

-- Tokens of platform operators for the operator console and API; they belong to no tenant. As with api_token, only
-- the SHA-256 (hex) of the token is stored, and prefix is its first characters for telling tokens apart.
CREATE TABLE operator_token (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    prefix       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
