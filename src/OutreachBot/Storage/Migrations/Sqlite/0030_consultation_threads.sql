-- The console's inbox: one thread per citizen (who on the staff looks after it) and the replies staff sent by push,
-- shown in the thread beside the citizen's questions. Instants are UTC unix milliseconds.
CREATE TABLE consultation_threads (
    user_id TEXT PRIMARY KEY REFERENCES citizens (user_id),
    assigned_to TEXT,
    assigned_at BIGINT
);

-- retry_key is the X-Line-Retry-Key of the push: a form sent twice stores (and sends) one reply.
CREATE TABLE consultation_replies (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES citizens (user_id),
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    sent_by TEXT NOT NULL,
    text TEXT NOT NULL,
    retry_key TEXT NOT NULL UNIQUE,
    sent_at BIGINT NOT NULL
);
CREATE INDEX ix_consultation_replies_user ON consultation_replies (user_id, sent_at);
CREATE INDEX ix_consultations_user ON consultations (user_id, received_at);
