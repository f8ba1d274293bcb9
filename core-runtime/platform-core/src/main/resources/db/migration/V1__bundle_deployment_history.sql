-- Every bundle install, update, removal and failure, newest looked up first. Platform-wide: no tenant_id.
CREATE TABLE bundle_deployment (
    id             uuid        PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    action         text        NOT NULL CHECK (action IN ('INSTALLED', 'UPDATED', 'REMOVED', 'FAILED')),
    file_name      text,
    symbolic_name  text,
    bundle_version text,
    detail         text
);

CREATE INDEX bundle_deployment_newest_first ON bundle_deployment (occurred_at DESC, id DESC);
