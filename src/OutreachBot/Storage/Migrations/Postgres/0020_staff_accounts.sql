-- Staff who sign in to the console. Usernames are stored lower-case; passwords only as ASP.NET Core Identity hashes.
-- security_stamp changes whenever a password, role or status changes, which ends the account's open sessions.
CREATE TABLE staff_accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'approver', 'admin')),
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT,
    security_stamp TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_sign_in_at BIGINT
);
