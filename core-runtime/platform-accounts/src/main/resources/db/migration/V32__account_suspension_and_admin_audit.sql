-- A tenant admin may suspend an account: while suspended_at is set the account cannot sign in, its sessions are
-- ended and its API tokens are refused. Resuming clears it; tokens work again, sessions must be signed in anew.
ALTER TABLE account ADD COLUMN suspended_at timestamptz;

-- Every change a tenant admin makes from the admin area, written with the change where the change allows it.
-- actor_email is copied so the log still names who acted after that account is erased; target names what was
-- changed (an account id, a plan id, a document); details is a JSON object of what the admin typed, never a secret.
CREATE TABLE admin_audit (
    id          text        PRIMARY KEY,
    tenant_id   text        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor_id    text        NOT NULL,
    actor_email text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    details     text        NOT NULL,
    request_id  text
);

-- The log is read newest first, optionally for one action or one admin.
CREATE INDEX admin_audit_newest ON admin_audit (tenant_id, at DESC, id DESC);
CREATE INDEX admin_audit_by_action ON admin_audit (tenant_id, action, at DESC, id DESC);
CREATE INDEX admin_audit_by_actor ON admin_audit (tenant_id, actor_id, at DESC, id DESC);
