-- The form a version was published from, so that sending the same form twice (a double click, a resent post) publishes
-- once. NULL for versions published without one (the command line, versions from before this column).
ALTER TABLE legal_version ADD COLUMN publish_key text;

CREATE UNIQUE INDEX legal_version_publish_key ON legal_version (tenant_id, document, publish_key)
    WHERE publish_key IS NOT NULL;
