-- The signed-in session a personal API token was created in (account_session.id), so the account page can say which
-- tokens a session made when it is revoked. NULL for tokens made before this was recorded or by the platform itself.
-- No foreign key: sessions are kept after they end, but a token must outlive the removal of its session row.
ALTER TABLE api_token ADD COLUMN created_by text;
