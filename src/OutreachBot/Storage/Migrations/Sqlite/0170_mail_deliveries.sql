-- The e-mail ledger: one row per (run, subscriber), written when the run fires. A worker claims due rows with a lease
-- (claimed_until, claimed_by) and records each outcome before the row can be claimed again: 'sent' (the server said
-- 250), 'failed' (a 5xx, with its reply), 'skipped' (the subscriber left before their turn), 'cancelled'.
CREATE TABLE mail_deliveries (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES broadcast_runs (id),
    subscriber_id INTEGER NOT NULL REFERENCES mail_subscribers (id),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'cancelled', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    claimed_by TEXT,
    reply TEXT,
    finished_at BIGINT
);
CREATE UNIQUE INDEX ux_mail_deliveries_run_subscriber ON mail_deliveries (run_id, subscriber_id);
CREATE INDEX ix_mail_deliveries_due ON mail_deliveries (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX ix_mail_deliveries_run_state ON mail_deliveries (run_id, state);
