-- Civic groups (団体) sign in to the console with accounts of their own role, 'group', below the staff ladder. SQLite
-- cannot change a CHECK constraint, and a table others refer to cannot be dropped while foreign keys are on (they are,
-- during migrations), so staff_accounts is rebuilt together with the three tables that refer to it.
CREATE TABLE staff_accounts_rebuilt (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin', 'group')),
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    security_stamp TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_sign_in_at BIGINT,
    line_user_id TEXT,
    email TEXT,
    on_duty INTEGER NOT NULL DEFAULT 0
);
INSERT INTO staff_accounts_rebuilt
SELECT id, username, display_name, role, password_hash, must_change_password, disabled, security_stamp, created_at, updated_at,
       last_sign_in_at, line_user_id, email, on_duty
FROM staff_accounts;

CREATE TABLE api_keys_rebuilt (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    account_id INTEGER REFERENCES staff_accounts_rebuilt (id)
);
INSERT INTO api_keys_rebuilt SELECT id, name, key_hash, created_at, revoked_at, account_id FROM api_keys;

CREATE TABLE staff_sessions_rebuilt (
    id_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES staff_accounts_rebuilt (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL
);
INSERT INTO staff_sessions_rebuilt SELECT id_hash, account_id, created_at, ends_at FROM staff_sessions;

CREATE TABLE staff_sign_in_lockouts_rebuilt (
    account_id INTEGER NOT NULL REFERENCES staff_accounts_rebuilt (id) ON DELETE CASCADE,
    remote_ip TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    PRIMARY KEY (account_id, remote_ip)
);
INSERT INTO staff_sign_in_lockouts_rebuilt SELECT account_id, remote_ip, failures, locked_until FROM staff_sign_in_lockouts;

DROP TABLE staff_sign_in_lockouts;
DROP TABLE staff_sessions;
DROP TABLE api_keys;
DROP TABLE staff_accounts;
ALTER TABLE staff_accounts_rebuilt RENAME TO staff_accounts;
ALTER TABLE api_keys_rebuilt RENAME TO api_keys;
ALTER TABLE staff_sessions_rebuilt RENAME TO staff_sessions;
ALTER TABLE staff_sign_in_lockouts_rebuilt RENAME TO staff_sign_in_lockouts;
CREATE INDEX staff_sessions_by_end ON staff_sessions (ends_at);

-- The fields of activity (福祉, 環境, 子育て...) staff keep; names per language as JSON, Japanese required.
CREATE TABLE group_fields (
    id INTEGER PRIMARY KEY,
    names TEXT NOT NULL,
    position INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0
);

-- A civic group: its contact's private address (invitations, the yearly 内容確認), the profile residents see (JSON,
-- null until staff first approve one) and the one the group wrote and staff have not yet approved, each with its logo.
-- confirmed_at: when the group last saved or confirmed its profile; confirm_asked_at: when it was last asked to.
CREATE TABLE civic_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    profile TEXT,
    logo BLOB,
    logo_type TEXT,
    approved_at BIGINT,
    pending_profile TEXT,
    pending_logo BLOB,
    pending_logo_type TEXT,
    pending_since BIGINT,
    confirmed_at BIGINT NOT NULL,
    confirm_asked_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Which group a group account speaks for.
CREATE TABLE group_accounts (
    account_id INTEGER PRIMARY KEY REFERENCES staff_accounts (id),
    group_id INTEGER NOT NULL REFERENCES civic_groups (id)
);

-- One-time links to set a group account's password: only the token's SHA-256 is kept; used_at ends it.
CREATE TABLE group_invitations (
    token_hash TEXT PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES civic_groups (id),
    email TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
