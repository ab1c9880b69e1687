-- Applications to events. number is the event's application_seq when the application was taken, so numbers are the
-- order of confirmation; status is confirmed, waiting (the waiting list in number order) or cancelled. request_key
-- is the LINE webhook event that applied, so handling that event again finds the same application.
CREATE TABLE event_applications (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES civic_events (id),
    number INTEGER NOT NULL,
    user_id TEXT,
    channel TEXT NOT NULL,
    name TEXT,
    phone TEXT,
    party_size INTEGER NOT NULL,
    answers TEXT,
    status TEXT NOT NULL,
    request_key TEXT,
    applied_at BIGINT NOT NULL,
    moved_up_at BIGINT,
    cancelled_at BIGINT,
    attended_at BIGINT,
    erased_at BIGINT
);
CREATE UNIQUE INDEX ux_event_applications_number ON event_applications (event_id, number);
CREATE UNIQUE INDEX ux_event_applications_open ON event_applications (event_id, user_id) WHERE status <> 'cancelled' AND user_id IS NOT NULL;
CREATE UNIQUE INDEX ux_event_applications_request ON event_applications (event_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX ix_event_applications_user ON event_applications (user_id, event_id);

-- Pushes to applicants (moved up, event cancelled or moved, thanks), written in the transaction that makes them due and
-- sent by the notice worker: at due_at or after quiet hours, once each (the retry key is derived from the id).
CREATE TABLE event_notices (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES civic_events (id),
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER,
    detail TEXT,
    urgent INTEGER NOT NULL DEFAULT 0,
    due_at BIGINT NOT NULL,
    claimed_until BIGINT,
    sent_at BIGINT,
    failed TEXT
);
CREATE INDEX ix_event_notices_due ON event_notices (sent_at, due_at);
