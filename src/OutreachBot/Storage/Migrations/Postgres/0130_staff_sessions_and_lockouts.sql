-- One row per console sign-in: signing out deletes it, so a copied cookie stops working; ends_at is the session's
-- absolute end (Console:SessionMaxLifetime). The cookie carries the session id; only its SHA-256 is stored.
CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_end ON staff_sessions (ends_at);

-- Wrong passwords lock an account from the address that typed them only, so nobody can lock an admin out from everywhere.
CREATE TABLE staff_sign_in_lockouts (
    account_id BIGINT NOT NULL REFERENCES staff_accounts (id) ON DELETE CASCADE,
    remote_ip TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    PRIMARY KEY (account_id, remote_ip)
);
ALTER TABLE staff_accounts DROP COLUMN failed_sign_ins;
ALTER TABLE staff_accounts DROP COLUMN locked_until;
