-- Who did what and when, in the console or through the staff API. Rows are only ever added.
-- actor: a staff username, 'api:<key name>', or NULL for the bot itself; remote_ip as the request came in.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    remote_ip TEXT
);
CREATE INDEX ix_audit_log_action ON audit_log (action, id);
