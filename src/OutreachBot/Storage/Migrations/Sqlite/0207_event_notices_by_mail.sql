-- Residents who applied on the web are told by mail what LINE applicants are told by push, from the same ledger: a
-- notice is owed either to a LINE user (user_id) or to a web request's address (web_request_id, read when it goes, so
-- an address erased by retention is not mailed). SQLite cannot drop NOT NULL from user_id, so the table is rebuilt.
CREATE TABLE event_notices_by_mail (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES civic_events (id),
    user_id TEXT,
    web_request_id INTEGER,
    kind TEXT NOT NULL,
    number INTEGER,
    detail TEXT,
    urgent INTEGER NOT NULL DEFAULT 0,
    due_at BIGINT NOT NULL,
    claimed_until BIGINT,
    sent_at BIGINT,
    failed TEXT,
    CHECK ((user_id IS NULL) <> (web_request_id IS NULL))
);
INSERT INTO event_notices_by_mail (id, event_id, user_id, kind, number, detail, urgent, due_at, claimed_until, sent_at, failed)
SELECT id, event_id, user_id, kind, number, detail, urgent, due_at, claimed_until, sent_at, failed FROM event_notices;
DROP TABLE event_notices;
ALTER TABLE event_notices_by_mail RENAME TO event_notices;
CREATE INDEX ix_event_notices_due ON event_notices (sent_at, due_at);
CREATE UNIQUE INDEX ux_event_notices_thanks ON event_notices (event_id, user_id) WHERE kind = 'thanks';
CREATE UNIQUE INDEX ux_event_notices_thanks_by_mail ON event_notices (event_id, web_request_id) WHERE kind = 'thanks';
