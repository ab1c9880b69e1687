-- Broadcasts staff write, the runs Quartz fires, and the delivery ledger: one row per multicast batch of at most
-- 500 recipients with its own retry key, so that a crash at any moment resumes without sending anyone anything twice.
-- Instants are UTC unix milliseconds.
CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    messages TEXT NOT NULL,
    match_all INTEGER NOT NULL DEFAULT 0,
    languages TEXT,
    districts TEXT,
    reminder_event_id TEXT,
    schedule_kind TEXT NOT NULL CHECK (schedule_kind IN ('now', 'at', 'cron', 'event')),
    send_at BIGINT,
    cron TEXT,
    event_id TEXT,
    event_offset_ms BIGINT,
    urgent INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('draft', 'awaiting_approval', 'scheduled', 'fired', 'cancelled')),
    author TEXT NOT NULL,
    approved_by TEXT,
    approved_at BIGINT,
    cancelled_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ix_broadcasts_event ON broadcasts (event_id);

CREATE TABLE broadcast_topics (
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    topic_id INTEGER NOT NULL REFERENCES topics (id),
    PRIMARY KEY (broadcast_id, topic_id)
);

-- One firing of a broadcast: a one-off has one, a cron broadcast one per occurrence. The unique occurrence makes a
-- second firing of the same instant (a recovered Quartz job, a double fire) a no-op.
CREATE TABLE broadcast_runs (
    id INTEGER PRIMARY KEY,
    broadcast_id INTEGER NOT NULL REFERENCES broadcasts (id),
    occurrence BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sending', 'held', 'sent', 'failed', 'cancelled', 'missed')),
    messages TEXT NOT NULL,
    key_nonce TEXT NOT NULL,
    targeted BIGINT NOT NULL DEFAULT 0,
    reason TEXT,
    forced_by TEXT,
    fired_at BIGINT NOT NULL,
    finished_at BIGINT,
    UNIQUE (broadcast_id, occurrence)
);

CREATE TABLE broadcast_batches (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES broadcast_runs (id),
    seq INTEGER NOT NULL,
    language TEXT NOT NULL,
    recipients TEXT NOT NULL,
    recipient_count INTEGER NOT NULL,
    dropped INTEGER NOT NULL DEFAULT 0,
    key_generation INTEGER NOT NULL DEFAULT 0,
    key_uncertain INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    first_sent_at BIGINT,
    request_ids TEXT,
    accepted_request_id TEXT,
    status_code INTEGER,
    error TEXT,
    finished_at BIGINT,
    UNIQUE (run_id, seq)
);
CREATE INDEX ix_broadcast_batches_due ON broadcast_batches (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX ix_broadcast_batches_run ON broadcast_batches (run_id, state);

-- Citizens who stopped following, by when: the fan-out drops those who left after the snapshot from unsent batches.
CREATE INDEX ix_citizens_left ON citizens (updated_at) WHERE NOT following;
