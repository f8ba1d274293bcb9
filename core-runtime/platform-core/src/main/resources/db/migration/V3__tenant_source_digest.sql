-- SHA-256 of what was last applied from the tenant's folder (see FolderDigest). Start-up skips a folder whose digest
-- is unchanged, so edits made in the admin area since survive restarts. NULL until the folder is next applied.
ALTER TABLE tenant ADD COLUMN source_digest text;
