-- Webhook events exactly as LINE sent them, stored before the webhook is acknowledged.
-- Instants are UTC unix milliseconds.
CREATE TABLE inbox_events (
    id INTEGER PRIMARY KEY,
    webhook_event_id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    source_key TEXT,
    event_timestamp BIGINT NOT NULL,
    is_redelivery INTEGER NOT NULL,
    payload TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    last_error TEXT,
    finished_at BIGINT
);

CREATE INDEX ix_inbox_events_ready ON inbox_events (state, next_attempt_at);
CREATE INDEX ix_inbox_events_source_order ON inbox_events (source_key, state, event_timestamp, id);
