-- Civic groups (団体) sign in to the console with accounts of their own role, 'group', below the staff ladder.
ALTER TABLE staff_accounts DROP CONSTRAINT staff_accounts_role_check;
ALTER TABLE staff_accounts ADD CONSTRAINT staff_accounts_role_check CHECK (role IN ('viewer', 'editor', 'approver', 'admin', 'group'));

-- The fields of activity (福祉, 環境, 子育て...) staff keep; names per language as JSON, Japanese required.
CREATE TABLE group_fields (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    names TEXT NOT NULL,
    position INTEGER NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE
);

-- A civic group: its contact's private address (invitations, the yearly 内容確認), the profile residents see (JSON,
-- null until staff first approve one) and the one the group wrote and staff have not yet approved, each with its logo.
-- confirmed_at: when the group last saved or confirmed its profile; confirm_asked_at: when it was last asked to.
CREATE TABLE civic_groups (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    profile TEXT,
    logo BYTEA,
    logo_type TEXT,
    approved_at BIGINT,
    pending_profile TEXT,
    pending_logo BYTEA,
    pending_logo_type TEXT,
    pending_since BIGINT,
    confirmed_at BIGINT NOT NULL,
    confirm_asked_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Which group a group account speaks for.
CREATE TABLE group_accounts (
    account_id BIGINT PRIMARY KEY REFERENCES staff_accounts (id),
    group_id BIGINT NOT NULL REFERENCES civic_groups (id)
);

-- One-time links to set a group account's password: only the token's SHA-256 is kept; used_at ends it.
CREATE TABLE group_invitations (
    token_hash TEXT PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES civic_groups (id),
    email TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
