-- Consents now name a published legal version (its number, as text) and keep the address the acceptance came from,
-- as data protection authorities expect a business to be able to show. Each version is accepted at most once per
-- account: the unique index lets concurrent acceptances insert one row and no more. Rows recorded before versions
-- were published name the tenant's configuration time instead and stay as they are (with no address).
ALTER TABLE account_consent ADD COLUMN ip text;

DELETE FROM account_consent later
    USING account_consent earlier
    WHERE later.tenant_id = earlier.tenant_id AND later.account_id = earlier.account_id
      AND later.document = earlier.document AND later.version = earlier.version
      AND (later.accepted_at, later.id) > (earlier.accepted_at, earlier.id);

CREATE UNIQUE INDEX account_consent_once ON account_consent (tenant_id, account_id, document, version);
